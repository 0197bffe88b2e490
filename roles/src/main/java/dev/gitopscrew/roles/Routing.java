package dev.gitopscrew.roles;

import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table from request kind to the agent that owns it and the action that does it, built from the
 * agents' actions, so a kind cannot be owned twice or by an agent without the action. Leaf actions
 * run at depth 2 for whichever role spawned them.
 */
public final class Routing {

  /** Where a request goes: its owner and the action that does it. */
  public record Route(KnownAgent owner, Action<?> action) {}

  private final Map<Class<?>, Route> routes = new HashMap<>();
  private final Map<Class<?>, Action<?>> leaves = new HashMap<>();

  public Routing(List<RoleAgent> agents, List<Action<?>> leafActions) {
    for (RoleAgent agent : agents) {
      for (Action<?> action : agent.actions()) {
        Route previous = routes.put(action.handles(), new Route(agent.agent(), action));
        if (previous != null) {
          throw new IllegalStateException(
              action.handles().getSimpleName()
                  + " is owned by both "
                  + previous.owner().id()
                  + " and "
                  + agent.agent().id());
        }
      }
    }
    for (Action<?> leaf : leafActions) {
      leaves.put(leaf.handles(), leaf);
    }
  }

  /** The owner and action of a request; every routed kind has exactly one. */
  public Route route(Request request) {
    Route route = routes.get(request.getClass());
    if (route == null) {
      throw new BadRequestException(
          request.getClass().getSimpleName() + " is a leaf worker's part, not a request");
    }
    return route;
  }

  public Optional<Action<?>> leaf(Request request) {
    return Optional.ofNullable(leaves.get(request.getClass()));
  }

  /** Every routed request kind and its owner, for listings and tests. */
  public Map<Class<?>, KnownAgent> owners() {
    Map<Class<?>, KnownAgent> out = new HashMap<>();
    routes.forEach((kind, route) -> out.put(kind, route.owner()));
    return out;
  }
}
