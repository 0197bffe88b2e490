package dev.gitopscrew.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gitopscrew.session.SessionView;
import java.io.PrintWriter;
import java.util.List;

/** Session trees and lists for people (indented by depth) and for scripts ({@code --json}). */
final class SessionPrinter {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private SessionPrinter() {}

  static void tree(PrintWriter out, List<SessionView> tree) {
    for (SessionView s : tree) {
      out.println("  ".repeat(s.depth()) + line(s));
    }
  }

  static void list(PrintWriter out, List<SessionView> sessions) {
    if (sessions.isEmpty()) {
      out.println("No sessions.");
    }
    sessions.forEach(
        s -> out.println(line(s) + "  (depth " + s.depth() + ", root #" + s.rootId() + ")"));
  }

  static String line(SessionView s) {
    String detail = s.detail() == null || s.detail().isBlank() ? "" : ": " + s.detail();
    return "#" + s.id() + " " + s.agent() + " [" + s.state() + "] " + s.instruction() + detail;
  }

  static void json(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
