package dev.gitopscrew.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/**
 * A session as the API and CLI show it; the same shape whether read in-process or over HTTP. {@code
 * data} is what its action produced beside its text (findings, a plan), or null.
 */
public record SessionView(
    long id,
    Long parentId,
    long rootId,
    String agent,
    int depth,
    String instruction,
    String state,
    String detail,
    Instant createdAt,
    Instant deadlineAt,
    Instant endedAt,
    Instant archivedAt,
    String channel,
    String requester,
    JsonNode data) {

  // built on first use: most sessions carry no data, and a CLI list need not load Jackson
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  public static SessionView of(SessionRecord r) {
    return new SessionView(
        r.id(),
        r.parentId(),
        r.rootId(),
        r.agent(),
        r.depth(),
        r.instruction(),
        r.state(),
        r.detail(),
        r.createdAt(),
        r.deadlineAt(),
        r.endedAt(),
        r.archivedAt(),
        r.channel(),
        r.requester(),
        data(r.data()));
  }

  private static JsonNode data(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return Json.MAPPER.getNodeFactory().textNode(json);
    }
  }

  public static List<SessionView> of(List<SessionRecord> records) {
    return records.stream().map(SessionView::of).toList();
  }

  public boolean terminal() {
    return !state.equals("queued")
        && !state.equals("running")
        && !state.equals("awaiting_approval");
  }
}
