package dev.gitopscrew.roles;

/** An action that could not do its work; the message is the reason a user sees. */
public class ActionFailedException extends RuntimeException {

  public ActionFailedException(String message) {
    super(message);
  }

  /** The prerequisite the action needs is not set up: say so, and how to set it up. */
  public static ActionFailedException notConfigured(Prerequisite missing) {
    return new ActionFailedException(missing.name() + ": not configured - " + missing.fix());
  }

  /** The capability belongs to a later version; nothing was done. */
  public static ActionFailedException notAvailable(String what) {
    return new ActionFailedException(what + " is not available in this version; nothing was done");
  }
}
