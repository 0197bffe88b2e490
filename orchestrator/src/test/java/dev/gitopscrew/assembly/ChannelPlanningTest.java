package dev.gitopscrew.assembly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free text from a Discord channel with a skill scope: the functions offered to the model are
 * exactly what the chain allows there (the channel narrows homelab-admin, which answers; the agents
 * it hands work to keep their own skills unless the channel sets scopeDelegates), and the channel's
 * systemPrompt and the skills in scope are the instructions.
 */
class ChannelPlanningTest {

  static final String ALERTS = "1342678901234567892";

  @TempDir Path dir;
  WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    server.stubFor(
        post("/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withBody(
                        """
                        {"id":"chatcmpl-1","object":"chat.completion","created":1733212399,
                         "model":"qwen3:8b","choices":[{"index":0,"message":{"role":"assistant",
                         "content":"grafana is Degraded."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":900,"completion_tokens":12,"total_tokens":912}}
                        """)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theAlertsChannelNarrowsHomelabAdminWhileItsDelegatesKeepTheirOwnSkills() throws Exception {
    JsonNode sent = planIn(false);
    // homelab-admin holds sessions.spawn in #alerts (skill homelab-admin), so it may hand work to
    // every role agent, which works with its own skills: as in OpenClaw
    assertThat(functions(sent))
        .containsExactlyInAnyOrder(
            "restart",
            "scale",
            "force_sync",
            "hard_refresh",
            "cancel_sync",
            "delete_pod",
            "kube",
            "drift",
            "runbook",
            "verify",
            "triage",
            "incident",
            "digest",
            "release_due",
            "edit",
            "change",
            "label",
            "scan",
            "validate",
            "release_plan",
            "release_cut",
            "merge",
            // homelab-admin's own skill grants forge.read in this channel
            "list_files",
            "read_file",
            "search_files");
    // homelab-admin's own instructions are narrowed to the channel's skills
    assertThat(system(sent))
        .contains("## Skill homelab-admin")
        .contains("## Skill incident-response")
        .doesNotContain("## Skill gitops")
        .doesNotContain("## Skill secret-management")
        .endsWith("## This channel\nCluster health and incidents only.\n");
  }

  @Test
  void scopeDelegatesNarrowsEveryAgentTheRequestReaches() throws Exception {
    JsonNode sent = planIn(true);
    // drift reads with cluster.read, as kube does: offered wherever kube is; digest and release
    // due read with homelab-admin's own sessions.read and release.plan
    assertThat(functions(sent))
        .containsExactlyInAnyOrder(
            "kube",
            "drift",
            "triage",
            "incident",
            "verify",
            "runbook",
            "digest",
            "release_due",
            "release_plan",
            "release_cut",
            "merge",
            "list_files",
            "read_file",
            "search_files");
    assertThat(system(sent)).endsWith("## This channel\nCluster health and incidents only.\n");
  }

  /** Free text in #alerts (with or without scopeDelegates): what the model was sent. */
  private JsonNode planIn(boolean scopeDelegates) throws Exception {
    Path config = dir.resolve("crew.json");
    Files.writeString(
        config,
        """
        {
          "agents": { "defaults": { "model": "ollama/qwen3:8b" } },
          "models": { "providers": { "ollama": { "baseUrl": "%s/v1" } } },
          "channels": { "discord": { "guilds": { "1342678901234567890": { "channels": {
            "%s": { "systemPrompt": "Cluster health and incidents only.",
                    "skills": ["homelab-admin", "incident-response"],
                    "scopeDelegates": %s } } } } } }
        }
        """
            .formatted(server.baseUrl(), ALERTS, scopeDelegates));
    CrewContext context =
        CrewContext.load(Optional.of(config), Optional.of(dir.resolve("state")), Map.of());
    ChannelScope alerts = PermissionChain.channelScopes(context.loaded().config()).get(ALERTS);
    assertThat(alerts.narrowsDelegates()).isEqualTo(scopeDelegates);

    try (Crew crew = Crew.open(context)) {
      RequestOutcome outcome =
          crew.runRequest()
              .runText(
                  "why is grafana degraded?",
                  Optional.empty(),
                  alerts,
                  new Origin("discord", "987654321098765432"),
                  true);
      assertThat(outcome).isInstanceOf(RequestOutcome.Ran.class);
      assertThat(((RequestOutcome.Ran) outcome).succeeded()).isTrue();
    }
    return new ObjectMapper()
        .readTree(
            server
                .findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))
                .get(0)
                .getBodyAsString());
  }

  private static List<String> functions(JsonNode sent) {
    List<String> functions = new ArrayList<>();
    sent.path("tools").forEach(t -> functions.add(t.path("function").path("name").asText()));
    return functions;
  }

  private static String system(JsonNode sent) {
    return sent.path("messages").path(0).path("content").asText();
  }
}
