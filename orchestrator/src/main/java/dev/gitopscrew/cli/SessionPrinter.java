package dev.gitopscrew.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.gatewayclient.ApiJson;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionView;
import java.io.PrintWriter;
import java.util.List;

/** Session trees, results and effects for people, and JSON for scripts ({@code --json}). */
final class SessionPrinter {

  private SessionPrinter() {}

  /** The tree indented by depth; a session's result follows its line when it is one line. */
  static void tree(PrintWriter out, List<SessionView> tree) {
    for (SessionView s : tree) {
      out.println("  ".repeat(s.depth()) + line(s));
    }
  }

  /** Which model planned a free-text request, and the tokens it used, when one did. */
  static void model(PrintWriter out, SessionView root) {
    if (root.data() == null || !root.data().path("model").isTextual()) {
      return;
    }
    var data = root.data();
    out.println(
        "Model: "
            + data.path("model").asText()
            + " (planned by "
            + data.path("planner").asText()
            + ", "
            + data.path("promptTokens").asLong()
            + " tokens in, "
            + data.path("completionTokens").asLong()
            + " out"
            + (data.path("failedAttempts").isEmpty()
                ? ""
                : ", after " + data.path("failedAttempts").size() + " failed attempt(s)")
            + ")");
    var memory = data.path("memory");
    if (memory.size() > 0) {
      out.println(
          "Memory: "
              + memory.size()
              + " earlier turn(s) of "
              + data.path("place").asText()
              + ", shown to the model before the request");
      for (var turn : memory) {
        out.println(
            "  #"
                + turn.path("sessionId").asLong()
                + " "
                + firstLine(turn.path("text").asText())
                + " → "
                + firstLine(turn.path("answer").asText()));
        turn.path("started")
            .forEach(
                s ->
                    out.println(
                        "    #" + s.path("sessionId").asLong() + " " + s.path("line").asText()));
      }
    }
  }

  private static String firstLine(String text) {
    String first = text.lines().findFirst().orElse("").strip();
    return first.length() > 120 ? first.substring(0, 119) + "…" : first;
  }

  /** The root's whole result, every line of it. */
  static void result(PrintWriter out, SessionView root) {
    if (root.detail() != null && root.detail().contains("\n")) {
      out.println("Result:");
      root.detail().lines().forEach(l -> out.println("  " + l));
    }
  }

  static void approval(PrintWriter out, Approval a) {
    out.println("Waiting for approval " + a.id() + " (until " + a.expiresAt() + "): " + a.reason());
    a.preview().lines().forEach(l -> out.println("  " + l));
    out.println(
        "Approve with `crew approve "
            + a.id()
            + "`, or deny with `crew approve "
            + a.id()
            + " --deny`.");
  }

  static void effects(PrintWriter out, List<AuditRecord> effects) {
    if (effects.isEmpty()) {
      return;
    }
    out.println("Effects:");
    effects.forEach(e -> out.println("  #" + e.sessionId() + " " + e.agent() + " " + e.describe()));
  }

  static void list(PrintWriter out, List<SessionView> sessions) {
    if (sessions.isEmpty()) {
      out.println("No sessions.");
    }
    sessions.forEach(
        s -> out.println(line(s) + "  (depth " + s.depth() + ", root #" + s.rootId() + ")"));
  }

  static String line(SessionView s) {
    String detail = s.detail() == null || s.detail().isBlank() ? "" : s.detail();
    int newline = detail.indexOf('\n');
    String shown = newline < 0 ? detail : detail.substring(0, newline) + " …";
    return "#"
        + s.id()
        + " "
        + s.agent()
        + " ["
        + s.state()
        + "] "
        + s.instruction()
        + (shown.isEmpty() ? "" : ": " + shown);
  }

  static void json(PrintWriter out, Object value) {
    try {
      out.println(ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
