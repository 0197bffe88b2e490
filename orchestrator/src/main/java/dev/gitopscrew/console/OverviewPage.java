package dev.gitopscrew.console;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.audit.ConsoleReads;
import dev.gitopscrew.cluster.Leadership;
import dev.gitopscrew.doctor.Integrations;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.schedule.ScheduleStatus;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.settings.CrewContext;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /console/}: the integrations and their state, the leader, Discord's connection, approvals
 * waiting, open incidents, the newest requests and the schedules next due.
 */
@Path("/console/")
public class OverviewPage {

  @Inject Crew crew;
  @Inject CrewContext context;
  @Inject IncidentLog incidents;
  @Inject Schedules schedules;
  @Inject ConsoleReads reads;
  @Inject RoutingContext routing;

  private final ConsoleTemplate overview = new ConsoleTemplate("console/overview");

  public record Integration(String name, String state, String detail) {}

  public record Schedule(String name, String request, String next, String last) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String show() {
    var discord = crew.chat().connection().state();
    var election = crew.cluster().leadership();
    List<Integration> integrations =
        Integrations.describe(context).stream()
            .map(
                i ->
                    new Integration(
                        i.name(),
                        i.configured() ? "configured" : "not configured",
                        i.configured() ? i.detail() : i.fix()))
            .toList();
    List<Integration> mcp =
        crew.mcp().statusNow().stream()
            .map(
                m ->
                    new Integration(
                        "MCP " + m.server(),
                        m.state().name().toLowerCase(java.util.Locale.ROOT),
                        m.reason() == null ? m.tools().size() + " tool(s)" : m.reason()))
            .toList();
    List<Incident> open =
        incidents.list(200).stream().filter(i -> !i.state().equals("resolved")).toList();
    List<Schedule> due =
        schedules.list().stream()
            .sorted(
                Comparator.comparing(
                    ScheduleStatus::nextDue, Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(10)
            .map(
                s ->
                    new Schedule(
                        s.name(),
                        s.request(),
                        s.nextDue() == null ? "never" : ConsolePages.time(s.nextDue()),
                        s.last() == null ? "not run yet" : s.last().describe()))
            .toList();
    List<SessionRow> latest =
        reads
            .sessions(new ConsoleReads.SessionFilter(null, null, null, null, true), null, 10)
            .rows()
            .stream()
            .map(SessionRow::of)
            .toList();
    return ConsolePages.page(overview, "overview", routing)
        .data("integrations", integrations)
        .data("mcp", mcp)
        .data("leading", crew.engine().leading())
        .data("identity", election.map(Leadership::identity).orElse("single replica"))
        .data("leader", election.flatMap(Leadership::leader).orElse(""))
        .data("discord", discord.status())
        .data("discordDetail", discord.detail())
        .data("discordSince", ConsolePages.time(discord.since()))
        .data("approvals", crew.engine().approvals().pending())
        .data("incidents", open)
        .data("sessions", latest)
        .data("schedules", due)
        .render();
  }
}
