package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.store.StateStoreException;
import dev.gitopscrew.store.StoreTrouble;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request the state store could not serve: {@code 507} while the state directory's disk is full,
 * {@code 503} while the store is closed and being reopened (both with {@code Retry-After}, so a
 * webhook sender delivers again), {@code 500} otherwise; always {@code {"error": "..."}} with the
 * reason in words, never the SQL or the exception, which go to the log.
 */
public class StoreErrors {

  private static final Logger LOG = Logger.getLogger(StoreErrors.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  @Inject Crew crew;

  @ServerExceptionMapper
  public Response store(StateStoreException e) {
    return refused(e);
  }

  @ServerExceptionMapper
  public Response jdbi(org.jdbi.v3.core.JdbiException e) {
    return refused(e);
  }

  @ServerExceptionMapper
  public Response sql(SQLException e) {
    return refused(e);
  }

  private Response refused(Exception e) {
    StoreTrouble trouble = crew.storeHealth().trouble(e);
    LOG.warnf("state store: %s (%s)", trouble.reason(), e.getMessage());
    return answer(trouble);
  }

  /** The answer for a request the store could not take, with the reason in words. */
  static Response answer(StoreTrouble trouble) {
    Response answer = ApiErrors.of(status(trouble.kind()), trouble.reason());
    return trouble.kind() == StoreTrouble.Kind.FAILED
        ? answer
        : Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build();
  }

  private static int status(StoreTrouble.Kind kind) {
    return switch (kind) {
      case DISK_FULL -> 507;
      case UNAVAILABLE -> 503;
      case FAILED -> 500;
    };
  }
}
