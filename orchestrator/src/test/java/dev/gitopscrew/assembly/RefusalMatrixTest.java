package dev.gitopscrew.assembly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same refusal matrix through every door: a channel whose skills leave the answering agent
 * (homelab-admin) no way to hand the work on, an agent whose own skills do not grant the tool, a
 * hand-off subagents.allowAgents forbids, and the cluster guard's rules for work that passed a
 * channel written for homelab-admin (its delegate keeps its own skills there). Words, typed
 * options, JSON and a model's function call all go through the same chain and are told the same
 * missing link.
 */
@io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient(crud = true)
class RefusalMatrixTest {

  io.fabric8.kubernetes.client.server.mock.KubernetesMockServer kubernetes;
  io.fabric8.kubernetes.client.KubernetesClient client;

  static final String PATH = "/v1/chat/completions";

  @TempDir Path dir;
  WireMockServer server;
  Crew crew;

  @BeforeEach
  void start() throws Exception {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    Path config = dir.resolve("crew.json");
    // devops-sre without secret-management: it may not force-sync; homelab-admin may not spawn
    // security-analyst
    Files.writeString(
        config,
        """
        {
          "agents": { "defaults": { "model": "ollama/qwen3:8b" },
                      "list": [ { "id": "devops-sre", "skills": ["devops-sre", "gitops"] },
                                { "id": "homelab-admin", "subagents": { "allowAgents":
                                    ["devops-sre", "software-engineer", "qa-tester"] } } ] },
          "models": { "providers": { "ollama": { "baseUrl": "%s/v1" } } }
        }
        """
            .formatted(server.baseUrl()));
    dev.gitopscrew.incident.testing.ClusterFixture.allowAccessReviews(kubernetes);
    // a workload the guard lets the crew read and restart, not delete
    dev.gitopscrew.incident.testing.ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: grafana, namespace: monitoring, generation: 1}
        spec: {replicas: 2}
        status: {observedGeneration: 1, replicas: 2, readyReplicas: 2}
        """);
    Path kubeconfig =
        dev.gitopscrew.incident.testing.ClusterFixture.kubeconfig(dir, client, "matrix-token");
    crew =
        Crew.open(
            CrewContext.load(
                Optional.of(config),
                Optional.of(dir.resolve("state")),
                Map.of("KUBECONFIG", kubeconfig.toString())));
  }

  @AfterEach
  void stop() {
    crew.close();
    server.stop();
  }

  record Row(String name, ChannelScope scope, String kind, Map<String, Object> fields) {}

  @Test
  void everyDoorRefusesTheSameRequestInTheSameWords() throws Exception {
    // a channel whose skills leave homelab-admin, which answers there, no sessions.spawn
    ChannelScope gitopsOnly =
        new ChannelScope("discord channel 42 (guild homelab)", Optional.of(List.of("gitops")));
    // #general as the homelab writes it: skills for homelab-admin; devops-sre, which it hands
    // the cluster work to, keeps its own skills
    ChannelScope general =
        new ChannelScope(
            "discord channel 41 (guild homelab)",
            Optional.of(
                List.of(
                    "homelab-admin",
                    "gitops",
                    "secret-management",
                    "incident-response",
                    "weather")));
    ChannelScope anywhere = ChannelScope.unrestricted("the matrix");
    List<Row> rows =
        List.of(
            new Row(
                "the channel",
                gitopsOnly,
                "restart",
                Map.of("workload", "deployment/grafana", "namespace", "monitoring")),
            new Row(
                "the agent",
                anywhere,
                "force-sync",
                Map.of("externalSecret", "grafana", "namespace", "monitoring")),
            new Row("the hand-off", general, "scan", Map.of("repository", "demo")),
            new Row(
                "the cluster guard",
                general,
                "kube",
                Map.of(
                    "verb",
                    "delete",
                    "resource",
                    "deployments",
                    "name",
                    "grafana",
                    "namespace",
                    "monitoring")));
    RequestCatalogue catalogue = crew.runRequest().catalogue();
    Map<String, String> expected =
        Map.of(
            "the channel",
            "discord channel 42 (guild homelab) does not allow the skill homelab-admin that grants"
                + " sessions.spawn to homelab-admin, needed to hand work to devops-sre",
            "the agent",
            "agent devops-sre has no skill granting secret.force-sync (its skills: devops-sre,"
                + " gitops)",
            "the hand-off",
            "subagents.allowAgents of homelab-admin does not include security-analyst"
                + " [devops-sre, qa-tester, software-engineer]",
            "the cluster guard",
            "refused by the cluster guard: delete on apps/deployments grafana in namespace"
                + " monitoring");
    for (Row row : rows) {
      String words =
          catalogue.kind(row.kind()).orElseThrow().words(row.fields(), java.util.Set.of()).get();
      Map<String, String> reasons = new LinkedHashMap<>();
      for (Door door : List.of(Door.ASK, Door.CHAT, Door.SCHEDULE)) {
        reasons.put(
            door.name(),
            reason(
                crew.runRequest()
                    .runText(
                        words,
                        door,
                        Map.of(),
                        null,
                        Optional.empty(),
                        row.scope(),
                        new Origin("discord", "ada"),
                        true,
                        false)));
      }
      for (Door door : List.of(Door.SLASH, Door.API, Door.COMMAND_LINE)) {
        reasons.put(
            door.name(),
            reason(
                crew.runRequest()
                    .run(
                        catalogue.typed(row.kind(), row.fields(), door, Map.of()),
                        Optional.empty(),
                        row.scope(),
                        new Origin("discord", "ada"),
                        true)));
      }
      reasons.put("MODEL", throughTheModel(row));
      assertThat(reasons.values())
          .as(row.name() + ": " + reasons)
          .allSatisfy(r -> assertThat(r).contains(expected.get(row.name())));
    }
  }

  /** The model calls the row's function in the row's place; what it is told back. */
  private String throughTheModel(Row row) throws Exception {
    server.resetAll();
    String arguments = new ObjectMapper().writeValueAsString(row.fields());
    server.stubFor(
        post(PATH)
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                aResponse()
                    .withBody(
                        """
                        {"id":"chatcmpl-9","object":"chat.completion","created":1733212398,
                         "model":"qwen3:8b","choices":[{"index":0,"message":{"role":"assistant",
                         "content":"","tool_calls":[{"id":"call_1","type":"function",
                         "function":{"name":"%s","arguments":%s}}]},"finish_reason":"tool_calls"}],
                         "usage":{"prompt_tokens":800,"completion_tokens":30,"total_tokens":830}}
                        """
                            .formatted(
                                row.kind().replace('-', '_'),
                                new ObjectMapper().writeValueAsString(arguments)))));
    server.stubFor(
        post(PATH)
            .withRequestBody(containing("tool_call_id"))
            .willReturn(
                aResponse()
                    .withBody(
                        """
                        {"id":"chatcmpl-10","object":"chat.completion","created":1733212399,
                         "model":"qwen3:8b","choices":[{"index":0,"message":{"role":"assistant",
                         "content":"That was refused."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":900,"completion_tokens":5,"total_tokens":905}}
                        """)));
    RequestOutcome outcome =
        crew.runRequest()
            .run(
                new Ask("please do it"),
                Optional.empty(),
                row.scope(),
                new Origin("discord", "ada"),
                true);
    assertThat(((RequestOutcome.Ran) outcome).root().detail()).startsWith("That was refused.");
    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(sent).hasSize(2);
    com.fasterxml.jackson.databind.JsonNode messages =
        new ObjectMapper().readTree(sent.get(1).getBodyAsString()).path("messages");
    return messages.get(messages.size() - 1).path("content").asText();
  }

  private static String reason(RequestOutcome outcome) {
    if (outcome instanceof RequestOutcome.Refused refused) {
      return refused.reason();
    }
    return String.valueOf(((RequestOutcome.Ran) outcome).root().detail());
  }
}
