package dev.gitopscrew.intake;

import dev.gitopscrew.session.SessionView;
import java.util.List;

/** What became of one request: it ran (its tree), or it never started and why. */
public sealed interface RequestOutcome {

  /** The request started as session {@code rootId}; {@code tree} is root first. */
  record Ran(long rootId, String agent, List<SessionView> tree) implements RequestOutcome {
    public SessionView root() {
      return tree.get(0);
    }

    public boolean finished() {
      return root().terminal();
    }

    public boolean succeeded() {
      return root().state().equals("succeeded");
    }

    /** Parked until a person approves or denies it. */
    public boolean awaitingApproval() {
      return root().state().equals("awaiting_approval");
    }
  }

  /** The text is not a request this crew understands; {@code reason} says what was expected. */
  record Invalid(String reason) implements RequestOutcome {}

  /** The permission chain or a session limit refused it before anything ran. */
  record Refused(String reason) implements RequestOutcome {}
}
