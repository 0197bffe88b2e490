package dev.gitopscrew.console;

import dev.gitopscrew.audit.ConsoleReads;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionRecord;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code /console/sessions}: sessions with filters and pages; {@code /console/sessions/ID}: one
 * request's tree, redrawn live from {@code /console/sessions/ID/events} while it runs.
 */
@Path("/console/sessions")
public class SessionsPage {

  static final int PAGE = 50;
  private static final Duration POLL = Duration.ofMillis(500);
  static final List<String> STATES =
      List.of(
          "queued",
          "running",
          "awaiting_approval",
          "succeeded",
          "failed",
          "timed_out",
          "cancelled",
          "interrupted");

  @Inject ConsoleReads reads;
  @Inject SessionEngine engine;
  @Inject RoutingContext routing;
  @Inject ArtifactLink links;

  private final ConsoleTemplate list = new ConsoleTemplate("console/sessions");

  private final ConsoleTemplate one = new ConsoleTemplate("console/session");

  private final ConsoleTemplate tree = new ConsoleTemplate("console/tree");

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String list(
      @QueryParam("agent") String agent,
      @QueryParam("state") String state,
      @QueryParam("channel") String channel,
      @QueryParam("requester") String requester,
      @QueryParam("all") String all,
      @QueryParam("before") Long before) {
    boolean requestsOnly = all == null || all.isBlank();
    ConsoleReads.SessionFilter filter =
        new ConsoleReads.SessionFilter(
            ConsolePages.blankToNull(agent),
            ConsolePages.blankToNull(state),
            ConsolePages.blankToNull(channel),
            ConsolePages.blankToNull(requester),
            requestsOnly);
    ConsoleReads.Page<SessionRecord> page = reads.sessions(filter, before, PAGE);
    Long next = page.next(SessionRecord::id);
    return ConsolePages.page(list, "sessions", routing)
        .data("filter", filter)
        .data("all", !requestsOnly)
        .data("agents", agents())
        .data("states", STATES)
        .data("rows", page.rows().stream().map(SessionRow::of).toList())
        .data("next", next == null ? null : query(filter, !requestsOnly, next))
        .render();
  }

  static List<String> agents() {
    return Arrays.stream(KnownAgent.values()).map(KnownAgent::id).toList();
  }

  private static String query(ConsoleReads.SessionFilter f, boolean all, long before) {
    StringBuilder q = new StringBuilder("?before=" + before);
    Query.add(q, "agent", f.agent());
    Query.add(q, "state", f.state());
    Query.add(q, "channel", f.channel());
    Query.add(q, "requester", f.requester());
    if (all) {
      q.append("&all=on");
    }
    return q.toString();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public String show(@PathParam("id") long id) {
    SessionRecord session = engine.find(id).orElseThrow(() -> notFound(id));
    SessionTree drawn = SessionTree.read(reads, links, session.rootId(), id);
    return ConsolePages.page(one, "sessions", routing)
        .data("session", SessionRow.of(session))
        .data("detail", session.detail())
        .data("tree", drawn)
        .data("treeHtml", fragment(drawn))
        .render();
  }

  /**
   * The tree as Server-Sent Events: a {@code tree} event with the redrawn fragment whenever it
   * changed (polled from the store, so every replica serves it), then {@code end} once every
   * session of the tree has ended.
   */
  @GET
  @Path("{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> events(@PathParam("id") long id, @Context Sse sse) {
    SessionRecord session = engine.find(id).orElseThrow(() -> notFound(id));
    long root = session.rootId();
    AtomicReference<String> last = new AtomicReference<>("");
    return Multi.createBy()
        .repeating()
        .uni(
            () ->
                Uni.createFrom()
                    .item(() -> SessionTree.read(reads, links, root, id))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .onItem()
                    .delayIt()
                    .by(POLL))
        .whilst(SessionTree::live)
        .filter(t -> !t.digest().equals(last.getAndSet(t.digest())))
        .map(t -> sse.newEventBuilder().name("tree").data(fragment(t)).build())
        .onCompletion()
        .continueWith(sse.newEventBuilder().name("end").data("ended").build());
  }

  private String fragment(SessionTree drawn) {
    return tree.data("tree", drawn).render();
  }

  private jakarta.ws.rs.WebApplicationException notFound(long id) {
    return ConsolePages.notFound(routing, "sessions", "There is no session " + id + ".");
  }
}
