package dev.gitopscrew.channel;

import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The slash commands a chat channel answers itself, without starting a request: {@code /status},
 * {@code /sessions}, {@code /approve} and {@code /help}.
 */
public final class AnswerChannelCommand {

  private final ChatChannel chat;
  private final ChannelPolicy policy;
  private final SessionEngine engine;
  private final DecideByButton decide;
  private final RequestCatalogue catalogue;

  public AnswerChannelCommand(
      ChatChannel chat,
      ChannelPolicy policy,
      SessionEngine engine,
      DecideByButton decide,
      RequestCatalogue catalogue) {
    this.catalogue = catalogue;
    this.chat = chat;
    this.policy = policy;
    this.engine = engine;
    this.decide = decide;
  }

  public String answer(
      String command,
      Map<String, String> options,
      String guildId,
      String channelId,
      String userId,
      String userName)
      throws InterruptedException {
    // the same policy and user lists as a message: a user the channel does not admit is told why
    // and shown nothing
    if (policy.admitCommand(guildId, channelId, userId) instanceof Admission.Ignored ignored) {
      return Admission.notTaken(ignored.reason());
    }
    switch (command) {
      case "status":
        return status();
      case "sessions":
        return sessions();
      case "approve":
        return approve(options, guildId, channelId, userId, userName);
      case "help":
        return help();
      default:
        return "unknown command /" + command;
    }
  }

  /** The catalogue as slash commands offer it, and the line {@code /crew} takes. */
  private String help() {
    StringBuilder out =
        new StringBuilder(
            "Slash commands: /status, /sessions, /approve, /help, /crew REQUEST (a line of words),"
                + " and one per request:\n");
    for (RequestKind k : catalogue.offeredAt(Door.SLASH)) {
      out.append("/").append(k.id()).append(" — ").append(k.summary()).append('\n');
    }
    out.append(
        "\nIn a message or /crew, each is a line of words, like `restart deployment/grafana in"
            + " monitoring`; `crew help requests` prints them all with examples.");
    return RenderOutcome.text(out.toString()).text();
  }

  private String status() {
    ConnectionState state = chat.state();
    return RenderOutcome.text(
            "Discord: "
                + state.status()
                + " ("
                + state.detail()
                + ", "
                + state.reconnects()
                + " reconnects)\nApprovals waiting: "
                + engine.approvals().pending().size())
        .text();
  }

  private String sessions() {
    List<String> lines = new ArrayList<>();
    for (SessionRecord r : engine.list(false, 50)) {
      if (r.parentId() == null && lines.size() < 10) {
        lines.add("#" + r.id() + " " + r.agent() + " [" + r.state() + "] " + r.instruction());
      }
    }
    return RenderOutcome.text(lines.isEmpty() ? "No requests yet." : String.join("\n", lines))
        .text();
  }

  private String approve(
      Map<String, String> options, String guildId, String channelId, String userId, String userName)
      throws InterruptedException {
    String id = options.getOrDefault("id", "").strip();
    boolean approve = !"deny".equals(options.get("decision"));
    DecideByButton.Clicked clicked =
        decide.decide(id, approve, guildId, channelId, Optional.empty(), userId, userName);
    if (clicked instanceof DecideByButton.Clicked.Refused r) {
      return r.reason();
    }
    if (clicked instanceof DecideByButton.Clicked.NoOp n) {
      return n.reason();
    }
    DecideByButton.Clicked.Decided d = (DecideByButton.Clicked.Decided) clicked;
    return (approve ? "Approved" : "Denied")
        + " request #"
        + d.sessionId()
        + (approve ? "; its result follows." : ".");
  }
}
