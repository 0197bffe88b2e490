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

  private static final Pattern SUBMITTED = Pattern.compile("submitted as request #(\\d+)");

  private Remembered() {}

  /** The remembered turns as the messages before the new one, oldest first. */
  static List<ChatMessage> messages(List<ConversationMemory.Turn> turns) {
    List<ChatMessage> out = new ArrayList<>();
    for (ConversationMemory.Turn t : turns) {
      out.add(new ChatMessage.User(t.text()));
      StringBuilder answer = new StringBuilder(t.answer());
      if (!t.started().isEmpty()) {
        answer.append("\nSessions started:");
        t.started()
            .forEach(
                s -> answer.append("\n- #").append(s.sessionId()).append(' ').append(s.line()));
      }
      out.add(new ChatMessage.Assistant(answer.toString(), List.of()));
    }
    return out;
  }

  /** {@code delegate}, noting each session it starts and one line of what became of it. */
  static Planner.Delegate tracking(
      Planner.Delegate delegate, List<ConversationMemory.Started> started) {
    return (owner, request) -> {
      Delegation.Answer answer = delegate.hand(owner, request);
      String first = answer.text() == null ? "" : answer.text().lines().findFirst().orElse("");
      started.add(
          new ConversationMemory.Started(
              answer.sessionId(),
              request.describe()
                  + " ("
                  + owner.id()
                  + ") "
                  + answer.result().state()
                  + (first.isBlank() ? "" : ": " + first)));
      return answer;
    };
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
