package dev.gitopscrew.model;

import dev.gitopscrew.roles.Delegation;
import dev.gitopscrew.roles.ask.Planner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a turn of a place is remembered and shown to the model again: the person's text, then the
 * crew's answer with the sessions it started, as the conversation's earlier messages.
 */
final class Remembered {

  /** At least this much of a request's words stays in its line, however long its result. */
  private static final int MIN_ASKED = 60;

  private static final Pattern SUBMITTED = Pattern.compile("submitted as request #(\\d+)");

  private Remembered() {}

  /** The remembered turns as the messages before the new one, oldest first. */
  static List<ModelMessage> messages(List<ConversationMemory.Turn> turns) {
    List<ModelMessage> out = new ArrayList<>();
    for (ConversationMemory.Turn t : turns) {
      out.add(new ModelMessage.User(t.text()));
      StringBuilder answer = new StringBuilder(t.answer());
      if (!t.started().isEmpty()) {
        answer.append("\nSessions started:");
        t.started()
            .forEach(
                s -> answer.append("\n- #").append(s.sessionId()).append(' ').append(s.line()));
      }
      out.add(new ModelMessage.Assistant(answer.toString(), List.of()));
    }
    return out;
  }

  /** {@code delegate}, noting each session it starts and one line of what became of it. */
  static Planner.Delegate tracking(
      Planner.Delegate delegate, List<ConversationMemory.Started> started) {
    return (owner, request) -> {
      Delegation.Answer answer = delegate.hand(owner, request);
      // every line the session reported: a change's pull request is its last line, not its first
      String reported =
          answer.text() == null
              ? ""
              : String.join(
                  "; ",
                  answer.text().lines().map(String::strip).filter(l -> !l.isBlank()).toList());
      String outcome =
          " ("
              + owner.id()
              + ") "
              + answer.result().state()
              + (reported.isBlank() ? "" : ": " + reported);
      started.add(
          new ConversationMemory.Started(
              answer.sessionId(), asked(request.describe(), outcome) + outcome));
      return answer;
    };
  }

  /**
   * The request's words, shortened so that what the session reported still fits the remembered line
   * ({@link ConversationMemory#MAX_STARTED_LINE}): the artifacts are what a follow-up needs.
   */
  private static String asked(String describe, String outcome) {
    int room = Math.max(MIN_ASKED, ConversationMemory.MAX_STARTED_LINE - outcome.length());
    return describe.length() <= room ? describe : describe.substring(0, room - 1) + "…";
  }

  /** The sessions a turn started: those it handed work to, then requests parked for approval. */
  static List<ConversationMemory.Started> started(
      List<ConversationMemory.Started> delegated, List<ToolCallDoor.Outcome> calls) {
    List<ConversationMemory.Started> out = new ArrayList<>(delegated);
    for (ToolCallDoor.Outcome c : calls) {
      Matcher m = c.detail() == null ? null : SUBMITTED.matcher(c.detail());
      if (m != null && m.find()) {
        out.add(
            new ConversationMemory.Started(
                Long.parseLong(m.group(1)), c.request() + " " + c.state()));
      }
    }
    return out;
  }
}
