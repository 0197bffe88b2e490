package dev.gitopscrew.roles.release;

import dev.gitopscrew.release.ReleaseException;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import java.util.function.Supplier;

/** How the release actions call {@code Releases}: its refusal fails the action with its reason. */
final class ReleaseCalls {

  private ReleaseCalls() {}

  /** {@code call}'s result, also given to {@code context} as the action's data. */
  static <T> T data(ActionContext context, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (ReleaseException e) {
      throw new ActionFailedException(e.getMessage());
    }
    context.data(result);
    return result;
  }
}
