package dev.gitopscrew.channel.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gitopscrew.channel.ChatReply;
import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook notifications against a Discord double (WireMock): the payload Discord's execute-webhook
 * endpoint takes, a 429 honoured by its {@code Retry-After}, and a webhook token that never reaches
 * a record or an error.
 */
class PostWebhookNotificationTest {

  // shaped like a real webhook token: 68 characters after the webhook id
  static final String WEBHOOK_ID = "1180000000000000042";
  static final String TOKEN =
      "xZk3Pq9Lr7Vt2Wn8Yb4Hc6Jd1Mf5Gs0Ae-QwErTyUiOpAsDfGhJkLzXcVbNm_12345678";
  static final String PATH = "/api/webhooks/" + WEBHOOK_ID + "/" + TOKEN;

  private WireMockServer discord;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
  private PostWebhookNotification webhooks;
  private SideEffects effects;

  @BeforeEach
  void start() {
    discord = new WireMockServer(wireMockConfig().dynamicPort());
    discord.start();
    Map<String, String> env =
        Map.of(
            "DISCORD_WEBHOOK_ALERTS", discord.baseUrl() + PATH, "DISCORD_BOT_TOKEN", "unrelated");
    webhooks =
        new PostWebhookNotification(
            PostWebhookNotification.fromEnvironment(env), HttpClient.newHttpClient(), waits::add);
    effects =
        new SideEffects(
            new Actor(7, 7, "homelab-admin", "incident", "argocd"),
            false,
            audit::add,
            Redactor.of(List.of(discord.baseUrl() + PATH)),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    discord.stop();
  }

  private static ChatReply alert() {
    return new ChatReply(
        "",
        new ChatReply.Embed(
            "SEV-2 grafana is Degraded",
            "Deployment grafana: 0/2 ready, CrashLoopBackOff",
            0xE67E22,
            List.of(new ChatReply.Field("Runbook", "restart-crash-loop"))),
        List.of(),
        null);
  }

  @Test
  void a429IsHonouredByItsRetryAfterAndThePostThenSucceeds() {
    discord.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1.5")
                    .withHeader("X-RateLimit-Scope", "shared")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"You are being rate limited.\", \"retry_after\": 1.5,"
                            + " \"global\": false}"))
            .willSetStateTo("open"));
    discord.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("limit")
            .whenScenarioStateIs("open")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"1180000000000000777\", \"type\": 0, \"channel_id\":"
                            + " \"200000000000000001\", \"webhook_id\": \""
                            + WEBHOOK_ID
                            + "\", \"content\": \"\"}")));

    String id = webhooks.post("alerts", alert(), effects);

    assertThat(id).isEqualTo("1180000000000000777");
    assertThat(waits).containsExactly(Duration.ofMillis(1500));
    discord.verify(
        2,
        postRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("wait", equalTo("true"))
            .withHeader("Content-Type", equalTo("application/json"))
            // what Discord requires of every client: DiscordBot ($url, $versionNumber)
            .withHeader("User-Agent", matching("DiscordBot \\(https?://[^,]+, [0-9][^)]*\\)"))
            .withRequestBody(
                matchingJsonPath("$.embeds[0].title", equalTo("SEV-2 grafana is Degraded")))
            .withRequestBody(matchingJsonPath("$.embeds[0].color", equalTo("15105570")))
            .withRequestBody(
                matchingJsonPath("$.embeds[0].fields[0].value", equalTo("restart-crash-loop")))
            .withRequestBody(matchingJsonPath("$.allowed_mentions.parse.size()", equalTo("0"))));
    assertThat(audit).hasSize(1);
    AuditRecord record = audit.get(0);
    assertThat(record.kind()).isEqualTo("chat.post");
    assertThat(record.outcome()).isEqualTo("ok");
    assertThat(record.target()).isEqualTo("discord webhook alerts");
    assertThat(record.artifact()).isEqualTo("message 1180000000000000777");
    assertThat(record.toString()).doesNotContain(TOKEN);
  }

  @Test
  void a429WithoutTheHeaderWaitsWhatItsBodySaysAndGivesUpAfterFiveAttempts() {
    discord.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"You are being rate limited.\", \"retry_after\": 0.25,"
                            + " \"global\": true}")));

    assertThatThrownBy(() -> webhooks.post("alerts", alert(), effects))
        .hasMessageContaining("Discord webhook alerts answered 429: still rate limited after 5")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));

    assertThat(waits).hasSize(4).containsOnly(Duration.ofMillis(250));
    discord.verify(5, postRequestedFor(urlPathEqualTo(PATH)));
    assertThat(audit).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("failed"));
  }

  @Test
  void aDeletedWebhookFailsWithTheVariableToSetAndNeverTheToken() {
    discord.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));

    assertThatThrownBy(() -> webhooks.post("alerts", alert(), effects))
        .hasMessageContaining("set DISCORD_WEBHOOK_ALERTS again")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    assertThat(waits).isEmpty();
    assertThat(audit.get(0).toString()).doesNotContain(TOKEN);
    assertThatThrownBy(() -> webhooks.post("deploys", alert(), effects))
        .hasMessageContaining("set DISCORD_WEBHOOK_DEPLOYS");
  }

  @Test
  void aLongReportGoesAsAFileBesideItsEmbed() {
    discord.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withStatus(200).withBody("{\"id\": \"1180000000000000778\"}")));
    ChatReply reply =
        new ChatReply(
            "Incident report attached",
            alert().embed(),
            List.of(),
            new ChatReply.Attachment("incident-7.txt", "line\n".repeat(3000)));

    assertThat(webhooks.post("alerts", reply, effects)).isEqualTo("1180000000000000778");

    discord.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Content-Type", containing("multipart/form-data; boundary="))
            .withRequestBody(containing("name=\"payload_json\""))
            .withRequestBody(containing("\"content\":\"Incident report attached\""))
            .withRequestBody(containing("name=\"files[0]\"; filename=\"incident-7.txt\"")));
  }
}
