package dev.gitopscrew.roles.ask;

import dev.gitopscrew.request.Ask;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Delegation;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.work.Assignment;

/**
 * The port a configured model plans free text through. The model only proposes typed requests; the
 * planner checks each against the permission chain and hands the permitted ones to {@link
 * Delegate}, which runs them as child sessions through the session limits, like any request.
 */
public interface Planner {

  /** Runs one proposed request as a child session of the owner and returns what came back. */
  @FunctionalInterface
  interface Delegate {
    Delegation.Answer hand(KnownAgent owner, Request request) throws InterruptedException;
  }

  /**
   * What the model said, and what to keep with the session: the model that answered, the tokens
   * used and the tool calls.
   */
  record Answer(String text, Object record) {}

  /**
   * Plans {@code ask} in the session of {@code assignment}; throws {@link ActionFailedException}
   * with a clear message when no model answered.
   */
  Answer answer(Ask ask, Assignment assignment, Delegate delegate) throws InterruptedException;

  /** The planner of a crew with no model. */
  static Planner none() {
    return (ask, assignment, delegate) -> {
      throw ActionFailedException.notAvailable("planning free text with a model");
    };
  }
}
