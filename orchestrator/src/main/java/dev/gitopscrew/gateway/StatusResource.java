package dev.gitopscrew.gateway;

import dev.gitopscrew.cluster.Leadership;
import dev.gitopscrew.doctor.Integrations;
import dev.gitopscrew.permission.AgentProfile;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.StoreInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * What the gateway is running with: configuration source, store, integrations, MCP servers, agents,
 * skills (with the MCP tools they grant).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

  @Inject CrewContext context;
  @Inject StoreInfo storeInfo;
  @Inject dev.gitopscrew.assembly.Crew crew;

  public record AgentView(
      String id, String name, List<String> skills, List<String> tools, List<String> subagents) {}

  public record SkillView(String name, String description, String source, List<String> tools) {}

  @GET
  @Path("status")
  public Map<String, Object> status() {
    var discord = crew.chat().connection().state();
    var election = crew.cluster().leadership();
    return Map.of(
        "discord",
            Map.of(
                "status", discord.status(),
                "detail", discord.detail(),
                "since", discord.since().toString(),
                "reconnects", discord.reconnects(),
                "alerts", crew.chat().alertsDestination()),
        "config", context.loaded().describeSource(),
        "stateDir", context.stateDir().toString(),
        "store", storeInfo.facts(),
        "leadership",
            Map.of(
                "leading", crew.engine().leading(),
                "election", election.isPresent(),
                "identity", election.map(Leadership::identity).orElse("single"),
                "leader", election.flatMap(Leadership::leader).orElse("")),
        "mcp",
            crew.mcp().statusNow().stream()
                .map(
                    m ->
                        Map.of(
                            "server", m.server(),
                            "state", m.state().name(),
                            "reason", m.reason() == null ? "" : m.reason(),
                            "tools", m.tools().size()))
                .toList(),
        "integrations",
            Integrations.describe(context).stream()
                .map(
                    i ->
                        Map.of(
                            "name", i.name(), "configured", i.configured(), "detail", i.detail()))
                .toList());
  }

  @GET
  @Path("agents")
  public List<AgentView> agents() {
    return context.permissions().profiles().stream().map(StatusResource::view).toList();
  }

  @GET
  @Path("skills")
  public List<SkillView> skills() {
    return context.skills().all().stream()
        .map(
            s ->
                new SkillView(
                    s.name(),
                    s.description(),
                    s.source(),
                    java.util.stream.Stream.concat(
                            s.tools().stream().sorted().map(Tool::id),
                            s.mcp().stream().map(g -> "mcp:" + g))
                        .toList()))
        .toList();
  }

  private static AgentView view(AgentProfile p) {
    return new AgentView(
        p.agent().id(),
        p.displayName(),
        p.skills(),
        p.tools().stream().sorted().map(Tool::id).toList(),
        p.allowedSubagents());
  }
}
