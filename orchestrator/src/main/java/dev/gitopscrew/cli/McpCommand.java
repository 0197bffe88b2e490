package dev.gitopscrew.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.assembly.McpWiring;
import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.gatewayclient.ApiJson;
import dev.gitopscrew.gatewayclient.GatewayClient;
import dev.gitopscrew.mcp.CallMcpTool;
import dev.gitopscrew.mcp.McpServers;
import dev.gitopscrew.mcp.ServerTool;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.request.McpCall;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.Secrets;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew mcp list|call}: the configured MCP servers, their state and tools with who may call
 * each, and one call through the permission chain as this command line's requester (docs/mcp.md).
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = "MCP servers: the user's own tools, lent to the crew's agents under its rules.",
    subcommands = {McpCommand.ListServers.class, McpCommand.Call.class})
final class McpCommand {

  private McpCommand() {}

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Each server, its state, its tools and the agents that may call each.")
  static final class ListServers extends BaseCommand {
    @Override
    public Integer call() {
      CrewContext loaded = context.load(env);
      Optional<GatewayClient> gateway = SessionCommands.runningGateway(loaded, err());
      if (gateway.isPresent()) {
        // the gateway's servers, as it last saw them: a second set is not started here
        return print(
            loaded,
            ApiJson.MAPPER.convertValue(
                gateway.get().get("/api/mcp"), new TypeReference<List<McpServers.Status>>() {}));
      }
      try (McpServers servers = McpWiring.servers(loaded)) {
        return print(loaded, servers.status());
      }
    }

    private int print(CrewContext loaded, List<McpServers.Status> all) {
      PermissionChain permissions = loaded.permissions();
      if (all.isEmpty()) {
        out().println("No MCP servers configured (mcpServers, docs/mcp.md).");
        return CrewCli.OK;
      }
      boolean down = false;
      for (McpServers.Status s : all) {
        out()
            .println(
                s.server()
                    + " ("
                    + s.where()
                    + "): "
                    + switch (s.state()) {
                      case READY -> "ready, " + s.tools().size() + " tools";
                      case DOWN -> "DOWN: " + s.reason();
                      case NOT_STARTED -> "not started";
                    });
        down |= s.state() != McpServers.State.READY;
        var entry = loaded.loaded().config().mcpServers().get(s.server());
        Set<String> reads = entry == null ? Set.of() : Set.copyOf(entry.reads());
        for (ServerTool t : s.tools()) {
          List<String> callers = new ArrayList<>();
          for (KnownAgent agent : KnownAgent.values()) {
            if (permissions.checkMcp(agent, Sessions.CLI, t.server(), t.name())
                instanceof Decision.Allowed) {
              callers.add(agent.id());
            }
          }
          out()
              .println(
                  "  "
                      + t.name()
                      + " ["
                      + (t.readOnlyHint() && reads.contains(t.name()) ? "read" : "write")
                      + "] "
                      + (callers.isEmpty()
                          ? "no agent may call it (no skill grants mcp:" + t.id() + ")"
                          : "may be called by " + String.join(", ", callers)));
        }
      }
      return down ? CrewCli.FAILED : CrewCli.OK;
    }
  }

  @Command(
      name = "call",
      mixinStandardHelpOptions = true,
      description = {
        "Call one tool of a server as an agent, through the permission chain;",
        "a write is audited, and waits for --yes when the server's approval is writes."
      })
  static final class Call extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SERVER", description = "the server's name")
    String server;

    @Parameters(index = "1", paramLabel = "TOOL", description = "the tool's name")
    String tool;

    @Option(names = "--json", paramLabel = "ARGS", description = "the arguments, a JSON object")
    String arguments = "{}";

    @Option(
        names = "--agent",
        paramLabel = "AGENT",
        description = "the agent that calls it (default homelab-admin)")
    String agent = KnownAgent.HOMELAB_ADMIN.id();

    @Option(names = "--dry-run", description = "say what a write would call; call only reads")
    boolean dryRun;

    @Option(
        names = "--yes",
        description =
            "approve a write that waits for a person (else it is parked for crew approve)")
    boolean yes;

    @Override
    public Integer call() throws InterruptedException {
      CrewContext loaded = context.load(env);
      KnownAgent caller = KnownAgent.byId(agent).orElse(null);
      if (caller == null) {
        err().println("error: no agent " + agent + " (crew agents lists them)");
        return CrewCli.USAGE;
      }
      Origin origin = Sessions.origin();
      Optional<GatewayClient> gateway = SessionCommands.runningGateway(loaded, err());
      if (gateway.isPresent()) {
        return remote(gateway.get(), caller, origin);
      }
      try (Crew crew = Crew.openClient(loaded, CrewCli.waitingForStore(err()))) {
        SideEffects effects =
            new SideEffects(
                new Actor(0, 0, caller.id(), origin.channel(), origin.requester()),
                dryRun,
                crew.audit(),
                Secrets.redactor(loaded.loaded().config(), loaded.env()),
                Clock.systemUTC());
        CallMcpTool.Outcome outcome =
            McpWiring.calls(loaded, crew.mcp())
                .call(caller, Sessions.CLI, effects, server, tool, arguments, yes);
        if (outcome instanceof CallMcpTool.Outcome.Answered a) {
          (a.answer().error() ? err() : out()).println(a.answer().text());
          return a.answer().error() ? CrewCli.FAILED : CrewCli.OK;
        }
        if (outcome instanceof CallMcpTool.Outcome.NotCalled n && !dryRun) {
          // a write that waits for a person: parked as an approval, as a release cut is
          var submitted =
              McpWiring.approvals(crew)
                  .submit(new McpCall(server, tool, arguments, false), Sessions.CLI, origin);
          out().println(n.why() + "; " + submitted.text());
          return submitted.state().equals("refused") ? CrewCli.FAILED : CrewCli.OK;
        }
        if (outcome instanceof CallMcpTool.Outcome.NotCalled n) {
          out().println("not called: " + n.what() + " (" + n.why() + ")");
          return CrewCli.OK;
        }
        err().println("refused: " + ((CallMcpTool.Outcome.Refused) outcome).reason());
        return CrewCli.FAILED;
      }
    }

    /** The call through the running gateway, which holds the servers and the store. */
    private int remote(GatewayClient gateway, KnownAgent caller, Origin origin) {
      JsonNode args;
      try {
        args = ApiJson.MAPPER.readTree(arguments);
      } catch (IOException e) {
        err().println("error: --json is not JSON: " + e.getMessage());
        return CrewCli.USAGE;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("arguments", args);
      body.put("agent", caller.id());
      body.put("requester", origin.requester());
      body.put("dryRun", dryRun);
      body.put("approve", yes);
      try {
        JsonNode answer =
            gateway.post("/api/mcp/" + server + "/" + tool, body, java.time.Duration.ofMinutes(5));
        boolean failed = answer.path("state").asText().equals("failed");
        (failed ? err() : out()).println(answer.path("text").asText());
        return failed ? CrewCli.FAILED : CrewCli.OK;
      } catch (GatewayClient.GatewayError e) {
        err().println("refused: " + e.getMessage());
        return CrewCli.FAILED;
      }
    }
  }
}
