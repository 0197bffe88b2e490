package dev.gitopscrew.roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Subagents;

/** What an action works with: its session, the children it may spawn, and the door to the world. */
public record ActionContext(Assignment assignment, Subagents subagents, SideEffects effects) {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /**
   * Keeps structured data beside the action's text result (findings, a plan): stored with the
   * session and given to whoever made the request (the API's and {@code --json}'s {@code data}).
   */
  public void data(Object value) {
    try {
      assignment.data().accept(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot keep the result data: " + e.getOriginalMessage(), e);
    }
  }

  public long sessionId() {
    return assignment.sessionId();
  }

  public KnownAgent agent() {
    return KnownAgent.byId(assignment.task().agent()).orElseThrow();
  }
}
