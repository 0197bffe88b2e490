package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The crew at the command line with OpenRouter's free step-3.5-flash as its only model, for each
 * test: a chat-completions double (WireMock) the test stubs, a crew.json naming it in a fresh
 * directory, a state directory there, and OpenRouter's key in the environment.
 */
final class OpenRouterCrew implements BeforeEachCallback, AfterEachCallback {

  static final String PATH = "/openrouter/api/v1/chat/completions";

  WireMockServer server;
  private Path dir;
  private Path config;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("openrouter-crew");
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    config = dir.resolve("crew.json");
    Files.writeString(
        config,
        """
        {
          "agents": { "defaults": { "model": "openrouter/stepfun/step-3.5-flash:free" } },
          "models": { "providers": { "openrouter": { "baseUrl": "%s/openrouter/api/v1" } } }
        }
        """
            .formatted(server.baseUrl()));
  }

  /** The test's directory (its crew.json, skills, state). */
  Path dir() {
    return dir;
  }

  /** Adds {@code members} (JSON object members, such as mcpServers) to crew.json. */
  void configure(String members) throws IOException {
    String json = Files.readString(config).strip();
    Files.writeString(config, json.substring(0, json.length() - 1) + ",\n" + members + "\n}\n");
  }

  /** {@code crew ARGS --state-dir STATE --config crew.json} with OPENROUTER_API_KEY set. */
  CliRun crew(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--state-dir";
    all[args.length + 1] = state().toString();
    all[args.length + 2] = "--config";
    all[args.length + 3] = config.toString();
    return CliRun.of(Map.of("OPENROUTER_API_KEY", ModelAskTest.OPENROUTER_KEY), all);
  }

  /** What the crew sent the model, in order. */
  List<LoggedRequest> requests() {
    return server.findAll(postRequestedFor(urlEqualTo(PATH)));
  }

  /** The state directory the crew keeps its repositories, sessions and audit in. */
  Path state() {
    return dir.resolve("state");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.stop();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
