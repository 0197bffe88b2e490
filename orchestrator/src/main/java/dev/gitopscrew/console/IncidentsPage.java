package dev.gitopscrew.console;

import dev.gitopscrew.audit.ConsoleReads;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionEngine;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/incidents}: incidents newest first; {@code /console/incidents/ID}: one as a
 * timeline (the alert, triage, runbook steps and notes from its audit trail, its approval, its
 * resolution) with its session tree and post-incident report.
 */
@Path("/console/incidents")
public class IncidentsPage {

  @Inject IncidentLog incidents;
  @Inject SessionEngine engine;
  @Inject ConsoleReads reads;
  @Inject RoutingContext routing;
  @Inject ArtifactLink links;

  private final ConsoleTemplate list = new ConsoleTemplate("console/incidents");

  private final ConsoleTemplate one = new ConsoleTemplate("console/incident");

  private final ConsoleTemplate tree = new ConsoleTemplate("console/tree");

  /** One moment of an incident. */
  public record Moment(String at, String what, String state) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String list() {
    return ConsolePages.page(list, "incidents", routing)
        .data("incidents", incidents.list(200))
        .render();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public String show(@PathParam("id") long id) {
    Incident incident =
        incidents
            .find(id)
            .orElseThrow(
                () ->
                    ConsolePages.notFound(
                        routing, "incidents", "There is no incident " + id + "."));
    Approval approval =
        incident.requestId() == null
            ? null
            : engine.approvals().ofSession(incident.requestId()).orElse(null);
    SessionTree drawn =
        incident.requestId() == null
            ? null
            : SessionTree.read(reads, links, incident.requestId(), incident.requestId());
    List<Moment> timeline =
        timeline(
            incident,
            incident.requestId() == null ? List.of() : incidents.timeline(incident.requestId()),
            approval);
    return ConsolePages.page(one, "incidents", routing)
        .data("incident", incident)
        .data("timeline", timeline)
        .data("approval", approval)
        .data("treeHtml", drawn == null ? "" : tree.data("tree", drawn).render())
        .render();
  }

  /**
   * The incident's moments in order: opened, each line of its response's audit trail, its approval
   * asked and decided, resolved.
   */
  private static List<Moment> timeline(Incident incident, List<String> lines, Approval approval) {
    List<Moment> timeline = new ArrayList<>();
    timeline.add(
        new Moment(
            ConsolePages.time(incident.openedAt()),
            "opened by " + incident.trigger() + " for " + incident.app(),
            "open"));
    for (String line : lines) {
      int space = line.indexOf(' ');
      timeline.add(
          space > 0
              ? new Moment(
                  ConsolePages.time(java.time.Instant.parse(line.substring(0, space))),
                  line.substring(space + 1),
                  "")
              : new Moment("", line, ""));
    }
    if (approval != null) {
      timeline.add(
          new Moment(
              ConsolePages.time(approval.requestedAt()),
              "approval " + approval.id() + " asked: " + approval.reason(),
              "pending"));
      if (approval.decidedAt() != null) {
        timeline.add(
            new Moment(
                ConsolePages.time(approval.decidedAt()),
                "approval "
                    + approval.id()
                    + " "
                    + approval.state()
                    + " by "
                    + approval.decidedBy()
                    + (approval.note() == null ? "" : ": " + approval.note()),
                approval.state()));
      }
    }
    if (incident.resolvedAt() != null) {
      timeline.add(
          new Moment(
              ConsolePages.time(incident.resolvedAt()),
              "resolved" + (incident.summary() == null ? "" : ": " + incident.summary()),
              "resolved"));
    }
    timeline.sort(java.util.Comparator.comparing(Moment::at));
    return timeline;
  }
}
