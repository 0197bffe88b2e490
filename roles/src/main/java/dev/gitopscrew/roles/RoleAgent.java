package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Work;

/**
 * One of the five agents at work in a session: it parses its instruction as a {@link Request},
 * takes only the kinds routed to it, and may spawn leaf workers through {@link Subagents}.
 */
public interface RoleAgent extends Work {

  KnownAgent agent();

  /** Does the request; returns what was done, or throws with the reason it could not be. */
  String handle(Request request, Subagents subagents) throws Exception;

  @Override
  default String perform(Assignment assignment, Subagents subagents) throws Exception {
    Request request = new RequestRouter().parse(assignment.task().instruction());
    if (request.agent() != agent()) {
      throw new BadRequestException(
          agent().id()
              + " does not take "
              + request.kind().verb()
              + " requests; they go to "
              + request.agent().id());
    }
    return handle(request, subagents);
  }

  /** The honest outcome while a capability is not wired in yet. */
  static String planned(String action, String capability) {
    return "planned: " + action + " (" + capability + " capability not yet connected)";
  }
}
