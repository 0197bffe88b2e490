package dev.gitopscrew.gateway;

import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.runtime.GatewaySettings;
import dev.gitopscrew.store.StateStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the gateway's objects from what {@code crew serve} (or a test profile) set. */
@Singleton
public class CrewBeans {

  @ConfigProperty(name = "crew.config")
  Optional<String> configFile;

  @ConfigProperty(name = "crew.state-dir")
  Optional<String> stateDir;

  @ConfigProperty(name = "quarkus.http.host")
  String host;

  @ConfigProperty(name = "quarkus.http.port")
  int port;

  @Produces
  @Singleton
  CrewContext context() {
    return CrewContext.load(
        configFile.filter(s -> !s.isBlank()).map(Path::of),
        stateDir.filter(s -> !s.isBlank()).map(Path::of),
        System.getenv());
  }

  @Produces
  @Singleton
  GatewaySettings gatewaySettings(CrewContext context) {
    GatewaySettings resolved =
        GatewaySettings.resolve(
            context.loaded().config(), Optional.of(host), Optional.of(port), context.env());
    return resolved;
  }

  @Produces
  @Singleton
  StateStore stateStore(CrewContext context) {
    return StateStore.openEmbedded(context.stateDir());
  }

  void closeStore(@Disposes StateStore store) {
    store.close();
  }
}
