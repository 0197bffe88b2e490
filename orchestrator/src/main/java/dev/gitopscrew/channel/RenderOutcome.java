package dev.gitopscrew.channel;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionView;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a request's sealed outcome for chat: an embed coloured by its state, buttons when it
 * waits for an approval, and the full text as a file when it is over Discord's limits (2,000
 * characters of text, 4,096 of an embed's description, 6,000 in all).
 */
public final class RenderOutcome {

  public static final int TEXT_LIMIT = 2000;
  public static final int DESCRIPTION_LIMIT = 4096;
  public static final int EMBED_TOTAL_LIMIT = 6000;
  static final int GREEN = 0x2ECC71;
  static final int RED = 0xE74C3C;
  static final int AMBER = 0xF1C40F;
  static final int GREY = 0x95A5A6;

  private RenderOutcome() {}

  /** As {@link #render(RequestOutcome, Approval)}, coloured by an incident's severity. */
  public static ChatReply render(RequestOutcome outcome, Approval approval, String severity) {
    ChatReply reply = render(outcome, approval);
    if (severity == null || reply.embed() == null) {
      return reply;
    }
    ChatReply.Embed e = reply.embed();
    return new ChatReply(
        reply.text(),
        new ChatReply.Embed(
            severity + " " + e.title(), e.description(), severityColour(severity), e.fields()),
        reply.buttons(),
        reply.attachment());
  }

  /** SEV-1 red, SEV-2 orange, SEV-3 yellow, SEV-4 blue. */
  public static int severityColour(String severity) {
    return switch (severity) {
      case "SEV-1" -> 0xE74C3C;
      case "SEV-2" -> 0xE67E22;
      case "SEV-3" -> 0xF1C40F;
      default -> 0x3498DB;
    };
  }

  public static ChatReply render(RequestOutcome outcome, Approval approval) {
    if (outcome instanceof RequestOutcome.Invalid invalid) {
      return text("Not a request I understand: " + invalid.reason());
    }
    if (outcome instanceof RequestOutcome.Refused refused) {
      return text("Refused: " + refused.reason());
    }
    RequestOutcome.Ran ran = (RequestOutcome.Ran) outcome;
    return ran.awaitingApproval() && approval != null && approval.pending()
        ? approvalNeeded(ran, approval)
        : finished(ran);
  }

  /** Plain text, attached as a file when it is over the text limit. */
  public static ChatReply text(String text) {
    if (text.length() <= TEXT_LIMIT) {
      return ChatReply.text(text);
    }
    return new ChatReply(
        text.substring(0, TEXT_LIMIT - 60) + "\n… (the full text is attached)",
        null,
        List.of(),
        new ChatReply.Attachment("reply.txt", text));
  }

  private static ChatReply finished(RequestOutcome.Ran ran) {
    SessionView root = ran.root();
    String title = clip("#" + ran.rootId() + " " + root.state() + ": " + root.instruction(), 256);
    String detail = root.detail() == null ? "" : root.detail();
    List<ChatReply.Field> fields = List.of(new ChatReply.Field("Agents", fieldValue(agents(ran))));
    return embed(title, detail, colour(root.state()), fields, List.of(), ran.rootId());
  }

  private static ChatReply approvalNeeded(RequestOutcome.Ran ran, Approval approval) {
    String title = clip("#" + ran.rootId() + " waits for approval: " + approval.request(), 256);
    String detail =
        approval.reason() + (approval.preview() == null ? "" : "\n\n" + approval.preview());
    List<ChatReply.Field> fields =
        List.of(
            new ChatReply.Field("Approval", approval.id()),
            new ChatReply.Field("Or from a shell", "`crew approve " + approval.id() + "`"));
    List<ChatReply.Button> buttons =
        List.of(
            new ChatReply.Button(
                ApprovalButtons.customId(true, approval.id()), "Approve", ChatReply.Style.SUCCESS),
            new ChatReply.Button(
                ApprovalButtons.customId(false, approval.id()), "Deny", ChatReply.Style.DANGER));
    return embed(title, detail, AMBER, fields, buttons, ran.rootId());
  }

  /** The approval message once decided: who decided what, and no buttons any more. */
  public static ChatReply decided(Approval approval, String decision, String by) {
    String title = clip(decision + " by " + by + ": " + approval.request(), 256);
    String detail =
        approval.reason() + (approval.preview() == null ? "" : "\n\n" + approval.preview());
    return embed(
        title,
        detail,
        decision.equals("Approved") ? GREEN : RED,
        List.of(new ChatReply.Field("Approval", approval.id())),
        List.of(),
        approval.sessionId());
  }

  static ChatReply embed(
      String title,
      String description,
      int colour,
      List<ChatReply.Field> fields,
      List<ChatReply.Button> buttons,
      long requestId) {
    int fieldsSize = fields.stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
    int room = Math.min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - title.length() - fieldsSize);
    if (description.length() <= room) {
      return new ChatReply(
          "", new ChatReply.Embed(title, description, colour, fields), buttons, null);
    }
    String cut = description.substring(0, Math.max(0, room - 40)) + "\n… (full text attached)";
    return new ChatReply(
        "",
        new ChatReply.Embed(title, cut, colour, fields),
        buttons,
        new ChatReply.Attachment("request-" + requestId + ".txt", description));
  }

  private static String agents(RequestOutcome.Ran ran) {
    List<String> lines = new ArrayList<>();
    for (SessionView s : ran.tree()) {
      lines.add("  ".repeat(s.depth()) + s.agent() + " [" + s.state() + "]");
    }
    return String.join("\n", lines);
  }

  static int colour(String state) {
    return switch (state) {
      case "succeeded" -> GREEN;
      case "failed", "timed_out", "interrupted" -> RED;
      case "awaiting_approval" -> AMBER;
      default -> GREY;
    };
  }

  private static String fieldValue(String s) {
    return s.length() <= 1024 ? s : s.substring(0, 1023) + "…";
  }

  private static String clip(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
