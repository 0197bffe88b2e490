package dev.gitopscrew.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.assembly.McpWiring;
import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.mcp.CallMcpTool;
import dev.gitopscrew.mcp.McpServers;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.McpCall;
import dev.gitopscrew.request.Quote;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/mcp}: each configured MCP server as last seen (ready, down with the reason and
 * when it is tried again, not started) with its tools. {@code POST /api/mcp/SERVER/TOOL} calls one
 * tool as {@code crew mcp call} does, through the permission chain, a write audited and, where the
 * server's writes wait for a person, parked for an approval unless {@code approve} is true
 * (docs/mcp.md).
 */
@Path("/api/mcp")
@Produces(MediaType.APPLICATION_JSON)
public class McpResource {

  private static final ChannelScope API = ChannelScope.unrestricted("the HTTP API");

  /** A call: its arguments (a JSON object), the agent that calls, who asks, dry run, approval. */
  public record Body(
      JsonNode arguments, String agent, String requester, Boolean dryRun, Boolean approve) {}

  @Inject McpServers servers;
  @Inject Crew crew;
  @Inject CrewContext context;
  @Inject Redactor redactor;
  @Inject LocalCaller localCaller;

  @GET
  public List<McpServers.Status> list() {
    return servers.statusNow();
  }

  @POST
  @Path("{server}/{tool}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response call(
      @HeaderParam(dev.gitopscrew.settings.GatewayFile.LOCAL_KEY_HEADER) String localKey,
      @PathParam("server") String server,
      @PathParam("tool") String tool,
      Body body)
      throws InterruptedException {
    Body call = body == null ? new Body(null, null, null, null, null) : body;
    if (call.arguments() != null && !call.arguments().isObject()) {
      return ApiErrors.of(400, "arguments is a JSON object, such as {\"message\": \"hi\"}");
    }
    Optional<String> tooLong =
        FieldLimits.first(
            FieldLimits.check("requester", call.requester(), FieldLimits.REQUESTER),
            FieldLimits.check("agent", call.agent(), FieldLimits.AGENT));
    if (tooLong.isPresent()) {
      return ApiErrors.of(400, tooLong.get());
    }
    Optional<KnownAgent> agent =
        KnownAgent.byId(call.agent() == null ? KnownAgent.HOMELAB_ADMIN.id() : call.agent());
    if (agent.isEmpty()) {
      return ApiErrors.of(400, "no agent " + Quote.bounded(call.agent()) + " (GET /api/agents)");
    }
    // a command of this machine's CLI, proven by the key in gateway.json, acts for the command line
    Origin origin =
        new Origin(
            localCaller.presentedBy(localKey) ? Origin.COMMAND_LINE : "api",
            call.requester() == null ? "api" : call.requester().strip());
    String arguments = call.arguments() == null ? "{}" : call.arguments().toString();
    SideEffects effects =
        new SideEffects(
            new Actor(0, 0, agent.get().id(), origin.channel(), origin.requester()),
            Boolean.TRUE.equals(call.dryRun()),
            crew.audit(),
            redactor,
            Clock.systemUTC());
    CallMcpTool.Outcome outcome =
        McpWiring.calls(context, servers)
            .call(
                agent.get(),
                API,
                effects,
                server,
                tool,
                arguments,
                Boolean.TRUE.equals(call.approve()));
    return answer(outcome, effects.dryRun(), new McpCall(server, tool, arguments, false), origin);
  }

  /** The outcome as the API answers it; a write that waits for a person is parked first. */
  private Response answer(CallMcpTool.Outcome outcome, boolean dryRun, McpCall call, Origin origin)
      throws InterruptedException {
    if (outcome instanceof CallMcpTool.Outcome.Answered answered) {
      return Response.ok(
              Map.of(
                  "state",
                  answered.answer().error() ? "failed" : "answered",
                  "text",
                  answered.answer().text()))
          .build();
    }
    if (outcome instanceof CallMcpTool.Outcome.NotCalled not && !dryRun) {
      var submitted = McpWiring.approvals(crew).submit(call, API, origin);
      return Response.status(submitted.waiting() ? 202 : 200)
          .entity(Map.of("state", submitted.state(), "text", not.why() + "; " + submitted.text()))
          .build();
    }
    if (outcome instanceof CallMcpTool.Outcome.NotCalled not) {
      return Response.ok(
              Map.of(
                  "state",
                  "not_called",
                  "text",
                  "not called: " + not.what() + " (" + not.why() + ")"))
          .build();
    }
    return ApiErrors.of(403, ((CallMcpTool.Outcome.Refused) outcome).reason());
  }
}
