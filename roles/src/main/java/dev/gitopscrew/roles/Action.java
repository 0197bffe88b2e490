package dev.gitopscrew.roles;

import dev.gitopscrew.request.Request;
import java.util.Optional;

/**
 * One kind of request, done: a class per kind, named as a verb ({@code OpenChange}, {@code
 * EditManifest}). It returns what it did, or throws {@link ActionFailedException} with the reason
 * and, where there is one, the fix. Every external write goes through {@link
 * ActionContext#effects()}.
 */
public interface Action<R extends Request> {

  /** The request kind this action does. */
  Class<R> handles();

  /** The tool the permission chain must grant the owning agent; empty when none is needed. */
  Optional<Tool> tool();

  /** The tool this request needs, when it depends on the request (the kind of cluster action). */
  default Optional<Tool> toolFor(R request) {
    return tool();
  }

  /** {@link #toolFor} of a request already routed here. */
  default Optional<Tool> toolForRouted(Request request) {
    return toolFor(handles().cast(request));
  }

  String run(R request, ActionContext context) throws Exception;

  /**
   * Why this request needs a person's approval before it runs (scale to zero, delete a pod, a
   * rollback, a release cut), or empty when it does not. Its dry run is shown to the approver.
   */
  default Optional<String> approvalNeeded(R request) {
    return Optional.empty();
  }

  /** {@link #approvalNeeded} of a request already routed here. */
  default Optional<String> approvalNeededFor(Request request) {
    return approvalNeeded(handles().cast(request));
  }

  /** Runs a request already routed here. */
  default String runRouted(Request request, ActionContext context) throws Exception {
    return run(handles().cast(request), context);
  }
}
