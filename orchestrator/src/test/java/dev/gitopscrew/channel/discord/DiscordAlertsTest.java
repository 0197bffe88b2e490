package dev.gitopscrew.channel.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gitopscrew.channel.discord.DiscordDouble.ALERTS;
import static dev.gitopscrew.channel.discord.DiscordDouble.GENERAL;
import static dev.gitopscrew.channel.discord.DiscordDouble.GUILD;
import static dev.gitopscrew.channel.discord.DiscordDouble.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import dev.gitopscrew.webhook.ArgoApplications;
import dev.gitopscrew.webhook.ArgoWebhook;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the incident report of an Argo CD notification lands when the bot runs without {@code
 * channels.discord.alertsChannel} (an OpenClaw homelab's {@code openclaw.json} has no such key):
 * the channel named alerts in the guild, found when the bot connects; without one, {@code
 * DISCORD_WEBHOOK_ALERTS}. Argo CD's notification goes through {@code /webhooks/argocd}'s receiver
 * against an Application in Fabric8's CRUD mock; Discord is the double, its webhook WireMock.
 */
@EnableKubernetesMockClient(crud = true)
@org.junit.jupiter.api.Tag("store")
class DiscordAlertsTest {

  static final String ARGO_TOKEN = "5d2e9f1a7c4b83e06a1f2d3c4b5a6978-argocd-webhook";
  static final String KUBE_TOKEN =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vY2sifQ.c2VydmljZWFjY291bnQ.c2lnbmF0dXJl";
  // shaped like a real webhook URL: the 68 characters after the id are the webhook's token
  static final String HOOK_TOKEN =
      "Qm9vdHN0cmFwLWFsZXJ0cy13ZWJob29rLXRva2VuLTAxMjM0NTY3ODlhYmNkZWZnaGlq";
  static final String HOOK_PATH = "/api/webhooks/1180000000000000043/" + HOOK_TOKEN;
  static final String SEV2_ORANGE = String.valueOf(0xE67E22);
  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  private DiscordDouble discord;
  private WireMockServer hooks;
  private Crew crew;
  private ArgoWebhook argo;

  @BeforeEach
  void doubles() throws Exception {
    discord = new DiscordDouble(DiscordAdapterTest.TOKEN, 1000);
    hooks = new WireMockServer(wireMockConfig().dynamicPort());
    hooks.start();
    ClusterFixture.allowAccessReviews(server);
  }

  @AfterEach
  void stop() throws Exception {
    if (argo != null) {
      argo.close();
    }
    if (crew != null) {
      crew.close();
    }
    discord.close();
    hooks.stop();
  }

  /** The homelab's Discord section: #general and #alerts listed by id, no alertsChannel key. */
  private void open(boolean withWebhook) throws Exception {
    open(
        withWebhook,
        """
        "%s": {"allow": true, "requireMention": false,
               "skills": ["homelab-admin", "incident-response"]}"""
            .formatted(ALERTS));
  }

  /**
   * The homelab's Discord section with #general listed by id, then {@code alertsEntry} (more
   * channels of the allowlist, or none), no alertsChannel key.
   */
  private void open(boolean withWebhook, String alertsEntry) throws Exception {
    String config =
        """
        {"incident": {"verifyWaitSeconds": 1, "sweepMinutes": 0},
         "channels": {"discord": {
          "enabled": true,
          "groupPolicy": "allowlist",
          "apiBaseUrl": "%s",
          "guilds": {"%s": {
            "channels": {
              "%s": {"allow": true, "requireMention": false}%s
            }
          }}
        }}}
        """
            .formatted(
                discord.apiBaseUrl(),
                GUILD,
                GENERAL,
                alertsEntry.isEmpty() ? "" : ",\n" + alertsEntry);
    Path file = Files.writeString(dir.resolve("openclaw.json"), config);
    Path state = dir.resolve("state");
    Map<String, String> env = new HashMap<>(TestStores.env(state));
    env.put("DISCORD_BOT_TOKEN", DiscordAdapterTest.TOKEN);
    env.put("KUBECONFIG", ClusterFixture.kubeconfig(dir, client, KUBE_TOKEN).toString());
    env.put(ArgoWebhook.TOKEN_VARIABLE, ARGO_TOKEN);
    if (withWebhook) {
      env.put("DISCORD_WEBHOOK_ALERTS", hooks.baseUrl() + HOOK_PATH);
    }
    crew = Crew.open(CrewContext.load(Optional.of(file), Optional.of(state), env));
    crew.chat().connection().start();
    // the commands are registered after READY, where the channel named alerts is looked up
    discord.await("slash commands registered", c -> c.method().equals("PUT"));
    argo = crew.argoWebhook();
    argo.start(Duration.ZERO);
  }

  /** Argo CD Notifications reports whoami Degraded; the incident response's root session. */
  private long degradedWhoami() throws Exception {
    ArgoApplications apps =
        new ArgoApplications(client, dir.resolve("state/repositories/demo.git").toUri().toString());
    apps.application("whoami", "Degraded", "Synced", "Succeeded");
    apps.crashingWorkload("whoami");
    ArgoWebhook.Reply reply =
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
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    argo.awaitIdle(Duration.ofSeconds(30));
    long delivery = ((Number) reply.body().get("delivery")).longValue();
    Long root = crew.deliveries().find(delivery).orElseThrow().sessionId();
    assertThat(root).as("the incident response").isNotNull();
    return root;
  }

  @Test
  void anArgoCdDegradedReportReachesTheChannelNamedAlertsWhenNoAlertsChannelIsConfigured()
      throws Exception {
    open(false);
    assertThat(crew.chat().alertsDestination()).startsWith("channel " + ALERTS + " (named alerts");

    long root = degradedWhoami();

    DiscordDouble.Call report =
        discord.await(
            "the incident report in #alerts",
            c ->
                c.method().equals("POST")
                    && c.path().equals("/channels/" + ALERTS + "/messages")
                    && c.json()
                        .path("embeds")
                        .path(0)
                        .path("title")
                        .asText()
                        .startsWith("SEV-2 #" + root + " "));
    JsonNode embed = report.json().path("embeds").path(0);
    assertThat(embed.path("color").asText()).as("SEV-2 orange").isEqualTo(SEV2_ORANGE);
    assertThat(discord.calls)
        .noneMatch(c -> c.method().equals("POST") && c.path().contains("/" + GENERAL + "/"))
        .noneMatch(c -> c.body().contains(DiscordAdapterTest.TOKEN));
    assertThat(hooks.getAllServeEvents()).isEmpty();
  }

  @Test
  void withNoChannelNamedAlertsTheWebhookGetsTheReportWhileTheBotRuns() throws Exception {
    discord.guildChannels(new String[] {GENERAL, "general"}, new String[] {RANDOM, "random"});
    stubWebhook();
    open(true);
    assertThat(crew.chat().alertsDestination())
        .isEqualTo("the webhook DISCORD_WEBHOOK_ALERTS (no channel named alerts was found)");

    long root = degradedWhoami();

    JsonNode payload = webhookReport(root);
    assertThat(payload.path("embeds").path(0).path("color").asText()).isEqualTo(SEV2_ORANGE);
    assertThat(payload.has("components")).as("a webhook message carries no buttons").isFalse();
    hooks.verify(
        postRequestedFor(urlPathEqualTo(HOOK_PATH))
            .withQueryParam("wait", equalTo("true"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("User-Agent", matching("DiscordBot \\(https?://[^,]+, [0-9][^)]*\\)"))
            .withRequestBody(matchingJsonPath("$.allowed_mentions.parse.size()", equalTo("0"))));
    assertThat(discord.calls)
        .noneMatch(c -> c.method().equals("POST") && c.path().startsWith("/channels/"));
    assertThat(crew.audit().latest(50))
        .anySatisfy(r -> assertThat(r.target()).isEqualTo("discord webhook alerts"))
        .allSatisfy(r -> assertThat(r.toString()).doesNotContain(HOOK_TOKEN));
  }

  @Test
  void aChannelNamedAlertsThatTheAllowlistLeavesOutGetsNoReportTheWebhookDoes() throws Exception {
    // the guild has #alerts (the double lists it), but groupPolicy allowlist names only #general
    stubWebhook();
    open(true, "");
    assertThat(crew.chat().alertsDestination())
        .isEqualTo("the webhook DISCORD_WEBHOOK_ALERTS (no channel named alerts was found)");

    long root = degradedWhoami();

    webhookReport(root);
    assertThat(discord.calls)
        .as("nothing is posted in the #alerts the allowlist leaves out")
        .noneMatch(c -> c.method().equals("POST") && c.path().contains("/" + ALERTS + "/"));
  }

  @Test
  void aChannelNamedAlertsThatIsNotAllowedWithNoWebhookMeansReportsGoNowhere() throws Exception {
    open(false, "\"%s\": {\"allow\": false}".formatted(ALERTS));

    assertThat(crew.chat().alertsDestination())
        .isEqualTo("nowhere (no channel named alerts was found)");
  }

  @Test
  void withNeitherAChannelNamedAlertsNorAWebhookTheGatewaySaysReportsGoNowhere() throws Exception {
    discord.guildChannels(new String[] {GENERAL, "general"}, new String[] {RANDOM, "random"});
    open(false);

    assertThat(crew.chat().alertsDestination())
        .isEqualTo("nowhere (no channel named alerts was found)");
  }

  /** The incident report of session {@code root} posted to DISCORD_WEBHOOK_ALERTS, awaited. */
  private JsonNode webhookReport(long root) throws InterruptedException {
    return discord.awaitCondition(
        "the report at the webhook",
        () ->
            hooks.findAll(postRequestedFor(urlPathEqualTo(HOOK_PATH))).stream()
                .map(r -> read(r.getBodyAsString()))
                .filter(
                    p ->
                        p.path("embeds")
                            .path(0)
                            .path("title")
                            .asText()
                            .startsWith("SEV-2 #" + root + " "))
                .findFirst()
                .orElse(null));
  }

  /** DISCORD_WEBHOOK_ALERTS answers like Discord's webhook with {@code wait=true}. */
  private void stubWebhook() {
    hooks.stubFor(
        post(urlPathEqualTo(HOOK_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"1180000000000000888\", \"type\": 0, \"channel_id\": \""
                            + ALERTS
                            + "\", \"webhook_id\": \"1180000000000000043\", \"content\": \"\"}")));
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(body, e);
    }
  }
}
