package dev.gitopscrew.channel.discord;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gitopscrew.channel.discord.DiscordDouble.ALERTS;
import static dev.gitopscrew.channel.discord.DiscordDouble.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.channel.ChatRequests;
import dev.gitopscrew.cli.CrewCli;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.session.SessionRecord;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import dev.gitopscrew.webhook.ArgoApplications;
import dev.gitopscrew.webhook.ArgoWebhook;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real OpenClaw homelab moves in (src/test/resources/openclaw-homelab: the owner's openclaw.json
 * and skills directory as written, OpenClaw's front matter, no crew keys but the short verification
 * wait of the tests): through the Discord double and Fabric8's mock, #general's restart is done by
 * devops-sre, Argo CD's Degraded report reaches #alerts, the tutor channels get no reply, and
 * {@code crew config explain} prints the mapping this file's owner should see (a golden file).
 */
@EnableKubernetesMockClient(crud = true)
@org.junit.jupiter.api.Tag("store")
class OpenClawHomelabTest {

  static final String DEUTSCH = "1200000000000000004";
  static final String ENGLISH = "1200000000000000005";
  static final String ALICE = "1300000000000000002";
  static final String ARGO_TOKEN = "7a1c9e3f5b2d4086a1f2e3d4c5b6a798-argocd-webhook";
  static final String HOOK_TOKEN =
      "SG9tZWxhYi1hbGVydHMtd2ViaG9vay10b2tlbi0wMTIzNDU2Nzg5YWJjZGVmZ2hpamts";
  static final Path FIXTURE = Path.of("src/test/resources/openclaw-homelab");

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  private DiscordDouble discord;
  private WireMockServer hooks;
  private Crew crew;
  private ArgoWebhook argo;
  private Map<String, String> env;
  private Path file;
  private Path home;

  @BeforeEach
  void moveIn() throws Exception {
    discord = new DiscordDouble(DiscordAdapterTest.TOKEN, 1000);
    discord.guildChannels(
        new String[] {GENERAL, "general"},
        new String[] {ALERTS, "alerts"},
        new String[] {DEUTSCH, "deutsch"},
        new String[] {ENGLISH, "english"});
    hooks = new WireMockServer(wireMockConfig().dynamicPort());
    hooks.start();
    ClusterFixture.allowAccessReviews(server);
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: grafana, namespace: monitoring, generation: 1}
        spec: {replicas: 1}
        status: {observedGeneration: 1, replicas: 1, readyReplicas: 1}
        """);
    // the homelab's folder as it is, but for the Discord double's address
    home = dir.resolve("openclaw");
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path f : files.toList()) {
        Path to = home.resolve(FIXTURE.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.writeString(
              to, Files.readString(f).replace("${DISCORD_API}", discord.apiBaseUrl()));
        }
      }
    }
    file = home.resolve("openclaw.json");
    Path state = dir.resolve("state");
    env = new HashMap<>(TestStores.env(state));
    env.put("DISCORD_BOT_TOKEN", DiscordAdapterTest.TOKEN);
    env.put(
        "DISCORD_WEBHOOK_ALERTS",
        hooks.baseUrl() + "/api/webhooks/1180000000000000043/" + HOOK_TOKEN);
    env.put("KUBECONFIG", ClusterFixture.kubeconfig(dir, client, "homelab-token").toString());
    env.put(ArgoWebhook.TOKEN_VARIABLE, ARGO_TOKEN);
  }

  @AfterEach
  void moveOut() throws Exception {
    if (argo != null) {
      argo.close();
    }
    if (crew != null) {
      crew.close();
    }
    discord.close();
    hooks.stop();
  }

  private void start() throws Exception {
    crew = Crew.open(CrewContext.load(Optional.of(file), Optional.of(dir.resolve("state")), env));
    crew.chat().connection().start();
    discord.await("slash commands registered", c -> c.method().equals("PUT"));
    argo = crew.argoWebhook();
    argo.start(Duration.ZERO);
  }

  @Test
  void generalsRestartIsDevopsSresTheAlertsReachAlertsAndTheTutorsAreLeftAlone() throws Exception {
    start();
    // a tutor's channel: no mention needed in this guild, and still no reply
    JsonNode tutor =
        discord.messageCreate(DEUTSCH, ALICE, "alice", "Was ist ein Nebensatz?", false);
    discord.dispatch("MESSAGE_CREATE", tutor);
    JsonNode english = discord.messageCreate(ENGLISH, ALICE, "alice", "check my essay", false);
    discord.dispatch("MESSAGE_CREATE", english);

    JsonNode restart =
        discord.messageCreate(
            GENERAL, ALICE, "alice", "restart deployment/grafana in monitoring", false);
    discord.dispatch("MESSAGE_CREATE", restart);
    DiscordDouble.Call reply =
        discord.await(
            "the reply in #general",
            c ->
                c.method().equals("POST") && c.path().equals("/channels/" + GENERAL + "/messages"));
    assertThat(reply.json().path("embeds").path(0).path("title").asText())
        .contains("succeeded: restart deployment/grafana in monitoring");
    SessionRecord root =
        crew.engine().list(false, 50).stream()
            .filter(r -> r.parentId() == null)
            .findFirst()
            .orElseThrow();
    assertThat(crew.engine().tree(root.id()))
        .anySatisfy(
            s -> {
              assertThat(s.agent()).isEqualTo("devops-sre");
              assertThat(s.state()).isEqualTo("succeeded");
            });
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("monitoring")
                .withName("grafana")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsKey("kubectl.kubernetes.io/restartedAt");

    // Argo CD reports whoami Degraded: the report goes to the channel named alerts
    ArgoApplications apps =
        new ArgoApplications(client, dir.resolve("state/repositories/demo.git").toUri().toString());
    apps.application("whoami", "Degraded", "Synced", "Succeeded");
    apps.crashingWorkload("whoami");
    ArgoWebhook.Reply delivered =
        argo.receive(
            "Bearer " + ARGO_TOKEN,
            """
            {"event": "on-health-degraded", "app": "whoami", "appNamespace": "argocd",
             "project": "default", "destNamespace": "apps",
             "destServer": "https://kubernetes.default.svc", "syncStatus": "Synced",
             "revision": "9f2c1e7a4b", "healthStatus": "Degraded", "healthMessage": null,
             "operationPhase": "Succeeded",
             "operationMessage": "successfully synced (all tasks run)",
             "startedAt": "2026-11-30T18:40:02Z", "finishedAt": "2026-11-30T18:40:09Z",
             "argocdUrl": "https://argocd.home.example"}
            """);
    assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(202);
    argo.awaitIdle(Duration.ofSeconds(30));
    long incident =
        crew.deliveries()
            .find(((Number) delivered.body().get("delivery")).longValue())
            .orElseThrow()
            .sessionId();
    discord.await(
        "the incident report in #alerts",
        c ->
            c.method().equals("POST")
                && c.path().equals("/channels/" + ALERTS + "/messages")
                && c.json().path("embeds").path(0).path("title").asText().contains("#" + incident));

    // the tutors' channels: nothing stored, nothing posted
    ChatRequests requests = new ChatRequests(crew.store().dataSource(), Clock.systemUTC());
    assertThat(requests.bySource("discord", tutor.path("id").asText())).isEmpty();
    assertThat(requests.bySource("discord", english.path("id").asText())).isEmpty();
    assertThat(discord.calls)
        .noneMatch(c -> c.path().contains("/channels/" + DEUTSCH))
        .noneMatch(c -> c.path().contains("/channels/" + ENGLISH))
        .noneMatch(c -> c.body().contains(DiscordAdapterTest.TOKEN));
  }

  @Test
  void configExplainPrintsTheMappingItsOwnerShouldSee() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        CrewCli.run(
            new String[] {
              "config", "explain", file.toString(), "--state-dir", dir.resolve("state").toString()
            },
            env,
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
    String shown = out.toString().replace(home + "/", "");
    Path golden = Path.of("src/test/resources/openclaw-homelab.explain.txt");
    Files.writeString(Path.of("target", "openclaw-homelab.explain.txt"), shown);
    assertThat(shown)
        .as("crew config explain; target/openclaw-homelab.explain.txt has this run's output")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    assertThat(shown)
        .doesNotContain(DiscordAdapterTest.TOKEN)
        .doesNotContain(HOOK_TOKEN)
        .doesNotContain(ARGO_TOKEN);
  }
}
