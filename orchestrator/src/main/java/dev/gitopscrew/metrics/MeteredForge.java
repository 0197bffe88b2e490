package dev.gitopscrew.metrics;

import dev.gitopscrew.forge.Forge;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/** A forge whose every call through the port is counted by operation and outcome. */
public final class MeteredForge {

  // answered from what the adapter holds, not by the forge's API
  private static final Set<String> LOCAL = Set.of("gitCredentials", "keepsMilestonesAndReleases");

  private MeteredForge() {}

  public static Forge wrap(Forge forge, String forgeName, CrewMetrics metrics) {
    return (Forge)
        Proxy.newProxyInstance(
            Forge.class.getClassLoader(),
            new Class<?>[] {Forge.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class || LOCAL.contains(method.getName())) {
                return method.invoke(forge, args);
              }
              try {
                Object result = method.invoke(forge, args);
                metrics.forgeCall(forgeName, method.getName(), true);
                return result;
              } catch (InvocationTargetException e) {
                metrics.forgeCall(forgeName, method.getName(), false);
                throw e.getCause();
              }
            });
  }
}
