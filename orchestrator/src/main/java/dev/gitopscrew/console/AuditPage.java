package dev.gitopscrew.console;

import dev.gitopscrew.audit.ConsoleReads;
import dev.gitopscrew.effect.AuditRecord;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code /console/audit}: the audit trail, newest first, filtered by session (and its subtree),
 * agent, kind, target and time; each record links to its session and to the commit, issue or pull
 * request it wrote when that has a web address.
 */
@Path("/console/audit")
public class AuditPage {

  @Inject ConsoleReads reads;
  @Inject RoutingContext routing;
  @Inject ArtifactLink links;

  private final ConsoleTemplate audit = new ConsoleTemplate("console/audit");

  /** One record as a row. */
  public record Row(
      long id,
      String at,
      long sessionId,
      long requestId,
      String agent,
      String from,
      String kind,
      String target,
      SessionTree.Effect effect,
      String detail) {

    static Row of(AuditRecord r, ArtifactLink links) {
      return new Row(
          r.id(),
          ConsolePages.time(r.at()),
          r.sessionId(),
          r.requestId(),
          r.agent(),
          r.channel() + " " + r.requester(),
          r.kind(),
          r.target(),
          SessionTree.Effect.of(r, links),
          ConsolePages.clip(r.detail(), 200));
    }
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String show(
      @QueryParam("session") String session,
      @QueryParam("agent") String agent,
      @QueryParam("kind") String kind,
      @QueryParam("target") String target,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") Long before) {
    String problem = null;
    Long sessionId = null;
    Instant since = null;
    Instant until = null;
    try {
      sessionId = session == null || session.isBlank() ? null : Long.parseLong(session.strip());
    } catch (NumberFormatException e) {
      problem = "A session is a number, like 12.";
    }
    try {
      since = instant(from);
      until = instant(to);
    } catch (DateTimeParseException e) {
      problem = "A time is written 2026-12-07T18:30 (UTC).";
    }
    ConsoleReads.AuditFilter filter =
        new ConsoleReads.AuditFilter(
            sessionId,
            ConsolePages.blankToNull(agent),
            ConsolePages.blankToNull(kind),
            ConsolePages.blankToNull(target),
            since,
            until);
    ConsoleReads.Page<AuditRecord> page =
        problem == null
            ? reads.audit(filter, before, SessionsPage.PAGE)
            : new ConsoleReads.Page<>(java.util.List.of(), false);
    Long next = page.next(AuditRecord::id);
    String more = null;
    if (next != null) {
      StringBuilder q = new StringBuilder("?before=" + next);
      Query.add(q, "session", sessionId);
      Query.add(q, "agent", filter.agent());
      Query.add(q, "kind", filter.kind());
      Query.add(q, "target", filter.target());
      Query.add(q, "from", from);
      Query.add(q, "to", to);
      more = q.toString();
    }
    return ConsolePages.page(audit, "audit", routing)
        .data("problem", problem)
        .data("session", sessionId == null ? "" : sessionId.toString())
        .data("agent", filter.agent() == null ? "" : filter.agent())
        .data("kind", filter.kind() == null ? "" : filter.kind())
        .data("target", filter.target() == null ? "" : filter.target())
        .data("from", from == null ? "" : from)
        .data("to", to == null ? "" : to)
        .data("agents", SessionsPage.agents())
        .data("rows", page.rows().stream().map(r -> Row.of(r, links)).toList())
        .data("next", more)
        .render();
  }

  /** A time from a datetime-local field, read as UTC. */
  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
  }
}
