package dev.gitopscrew.gateway;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every API error is JSON with a reason: {@code {"error": "..."}}. Malformed or mistyped JSON is a
 * 400 naming the parser's reason and where (line, column), never an empty body.
 */
public class ApiErrors {

  public static Response of(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e) {
    return of(400, describe(e));
  }

  // Quarkus maps these two itself, to an empty 400; the most specific mapper wins
  @ServerExceptionMapper
  public Response notJson(com.fasterxml.jackson.core.JsonParseException e) {
    return of(400, describe(e));
  }

  @ServerExceptionMapper
  public Response mistyped(MismatchedInputException e) {
    return of(400, describe(e));
  }

  /**
   * Quarkus REST wraps a body it cannot read in a {@code WebApplicationException} without an
   * entity; the cause says why. Any other such exception keeps its status and gets a reason.
   */
  @ServerExceptionMapper
  public Response unreadable(jakarta.ws.rs.WebApplicationException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException json) {
        return of(400, describe(json));
      }
    }
    if (e.getResponse() != null && e.getResponse().hasEntity()) {
      return e.getResponse();
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    return of(status, e.getMessage() == null ? "HTTP " + status : e.getMessage());
  }

  /**
   * Anything else a request ran into is the gateway's fault, not the caller's: a 500 with a
   * reference to the log line that has the details. No SQL, class name or stack leaves the gateway.
   */
  @ServerExceptionMapper
  public Response internal(Throwable e) {
    String reference = Long.toString(REFERENCES.incrementAndGet());
    LOG.errorf(e, "internal error %s while answering a request", reference);
    return of(
        500, "internal error (reference " + reference + " in the gateway's log); nothing was lost");
  }

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ApiErrors.class);
  private static final java.util.concurrent.atomic.AtomicLong REFERENCES =
      new java.util.concurrent.atomic.AtomicLong();

  static String describe(JsonProcessingException e) {
    String reason = dev.gitopscrew.request.RequestJson.plain(e.getOriginalMessage());
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      reason = "at " + mismatch.getPathReference().replaceAll(".*\\[\"?", "") + ": " + reason;
      reason = reason.replace("\"]", "");
    }
    JsonLocation at = e.getLocation();
    return "malformed JSON: "
        + reason
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }
}
