package dev.gitopscrew.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.change.ChangeView;
import dev.gitopscrew.change.RunChange;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.runtime.GatewayClient;
import dev.gitopscrew.store.JdbcLocalForgeRecords;
import dev.gitopscrew.store.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crew change}: issue, branch, commit, push and pull request for one change. */
@Command(
    name = "change",
    mixinStandardHelpOptions = true,
    description =
        "Run the Git workflow for one change and print the issue, branch, commit and PR it made.")
final class ChangeCommand extends BaseCommand {

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "NAME",
      description = "repository name (git.repositories; 'demo' by default)")
  String repo;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "T",
      description = "feat, fix, chore, docs, refactor or security")
  String type;

  @Option(
      names = "--title",
      required = true,
      paramLabel = "TEXT",
      description = "issue and pull request title")
  String title;

  @Option(
      names = "--issue",
      paramLabel = "N",
      description = "adopt this issue instead of finding or creating one")
  Integer issue;

  @Option(
      names = "--agent",
      paramLabel = "ID",
      description = "the agent that makes the change (default software-engineer)")
  String agent;

  @Option(
      names = "--summary",
      paramLabel = "TEXT",
      description = "what the change does and why (default: the title)")
  String summary;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "PATH=LOCALFILE",
      description = "set PATH in the repository to the content of LOCALFILE; repeatable")
  List<String> files;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (String spec : files) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        err().println("error: --file takes PATH=LOCALFILE, got '" + spec + "'");
        return CrewCli.USAGE;
      }
      Path local = Path.of(spec.substring(eq + 1));
      if (!Files.isRegularFile(local)) {
        err().println("error: cannot read " + local + " (for --file " + spec + ")");
        return CrewCli.USAGE;
      }
      content.put(spec.substring(0, eq), Files.readAllBytes(local));
    }
    ChangeRequest request;
    try {
      request =
          new ChangeRequest(
              repo, ChangeType.parse(type), title, issue, agent, content, summary, null, null);
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    CrewContext ctx = context.load(env);
    ChangeView view =
        GatewayClient.forRunningGateway(ctx)
            .map(g -> remote(g, request))
            .orElseGet(() -> local(ctx, request));
    if (json) {
      SessionPrinter.json(out(), view);
    } else if (view.completed()) {
      out().println(view.text());
    } else {
      err().println(view.text());
    }
    return view.completed() ? CrewCli.OK : CrewCli.FAILED;
  }

  private static ChangeView local(CrewContext ctx, ChangeRequest request) {
    try (StateStore store = StateStore.openEmbedded(ctx.stateDir());
        RunChange runChange = new RunChange(ctx, new JdbcLocalForgeRecords(store.dataSource()))) {
      return ChangeView.of(runChange.run(request, Sessions.CLI));
    }
  }

  private static ChangeView remote(GatewayClient gateway, ChangeRequest request) {
    Map<String, Object> body = new HashMap<>();
    body.put("repo", request.repository());
    body.put("type", request.type().name().toLowerCase(java.util.Locale.ROOT));
    body.put("title", request.title());
    body.put("issue", request.issue());
    body.put("agent", request.agentId());
    body.put("summary", request.summary());
    Map<String, String> encoded = new LinkedHashMap<>();
    request.files().forEach((p, b) -> encoded.put(p, Base64.getEncoder().encodeToString(b)));
    body.put("files", encoded);
    try {
      JsonNode answer = gateway.post("/api/changes", body, Duration.ofMinutes(10));
      return SessionPrinter.JSON.convertValue(answer, ChangeView.class);
    } catch (GatewayClient.GatewayError e) {
      return ChangeView.unfinished("failed", e.getMessage(), e.getMessage());
    }
  }
}
