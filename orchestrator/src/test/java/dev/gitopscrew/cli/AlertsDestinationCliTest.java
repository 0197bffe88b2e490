package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew config validate} and {@code crew doctor} say where incident reports go: {@code
 * alertsChannel}, the channel named alerts (resolved when the bot connects), the webhook, or
 * nowhere, which they warn about loudly.
 */
class AlertsDestinationCliTest {

  // shaped like real tokens: they must never be printed
  static final String BOT_TOKEN =
      "MTE4MDAwMDAwMDAwMDAwMDAwMg.Gx7Qp2.Vb3Nn8Kk1Lz5Tt0Yw6Rr9Ee4Uu2Ii7Oo3Pp1Aa";
  static final String WEBHOOK =
      "https://discord.com/api/webhooks/1180000000000000042/"
          + "xZk3Pq9Lr7Vt2Wn8Yb4Hc6Jd1Mf5Gs0Ae-QwErTyUiOpAsDfGhJkLzXcVbNm_12345678";

  @TempDir Path dir;
  private WireMockServer discord;

  @BeforeEach
  void start() {
    discord = new WireMockServer(wireMockConfig().dynamicPort());
    discord.start();
  }

  @AfterEach
  void stop() {
    discord.stop();
  }

  private Path discordConfig(String apiBaseUrl, String extra) throws IOException {
    return Files.writeString(
        dir.resolve("openclaw.json"),
        """
        {"channels": {"discord": {"enabled": true, "apiBaseUrl": "%s", %s
          "guilds": {"1100000000000000001": {"channels": {
            "1200000000000000001": {"allow": true},
            "1200000000000000002": {"allow": true}}}}}}}
        """
            .formatted(apiBaseUrl, extra));
  }

  private CliRun doctor(Path config, Map<String, String> env) {
    return CliRun.of(
        env, "doctor", "--config", config.toString(), "--state-dir", dir.resolve("s").toString());
  }

  @Test
  void validateAndDoctorSayTheChannelNamedAlertsThenTheWebhookWhenNoAlertsChannelIsSet()
      throws IOException {
    discord.stubFor(
        get(urlEqualTo("/api/v10/users/@me"))
            .willReturn(aResponse().withStatus(200).withBody("{\"id\": \"1\"}")));
    Path config = discordConfig(discord.baseUrl() + "/api/v10", "");
    Map<String, String> env =
        Map.of("DISCORD_BOT_TOKEN", BOT_TOKEN, "DISCORD_WEBHOOK_ALERTS", WEBHOOK);

    CliRun validate = CliRun.of(env, "config", "validate", config.toString());
    CliRun doctor = doctor(config, env);

    String where =
        "the channel named alerts, resolved when the bot connects; if there is none, the webhook"
            + " DISCORD_WEBHOOK_ALERTS";
    assertThat(validate.out()).contains("Alerts: " + where).doesNotContain("WARNING");
    assertThat(doctor.out()).contains("alerts: configured (" + where + ")");
    assertThat(doctor.out()).doesNotContain("WARNING");
    assertThat(validate.all() + doctor.all()).doesNotContain(BOT_TOKEN).doesNotContain(WEBHOOK);
  }

  @Test
  void validateAndDoctorWarnLoudlyWhenReportsGoNowhere() throws IOException {
    // the bot without a token, no webhook: nothing can post a report
    Path config = discordConfig("https://discord.com/api/v10", "");

    CliRun validate = CliRun.of(Map.of(), "config", "validate", config.toString());
    CliRun doctor = doctor(config, Map.of());

    assertThat(validate.out())
        .contains("Alerts: nowhere: incident reports are not posted")
        .contains(
            "WARNING: incident reports are posted NOWHERE: set channels.discord.alertsChannel");
    assertThat(doctor.out())
        .contains("alerts: not configured - fix: set channels.discord.alertsChannel")
        .contains("WARNING: incident reports are posted NOWHERE");

    // with the token but no channel named alerts guaranteed and no webhook: it may be nowhere
    CliRun maybe =
        CliRun.of(Map.of("DISCORD_BOT_TOKEN", BOT_TOKEN), "config", "validate", config.toString());
    assertThat(maybe.out())
        .contains(
            "Alerts: the channel named alerts, resolved when the bot connects; if there is none,"
                + " nowhere")
        .contains("WARNING: incident reports are posted nowhere unless a channel named alerts");
  }

  @Test
  void anAlertsChannelWinsAndTheWebhookAloneIsNamedWithoutTheBot() throws IOException {
    Path config =
        discordConfig("https://discord.com/api/v10", "\"alertsChannel\": \"1200000000000000002\",");

    CliRun bot =
        CliRun.of(
            Map.of("DISCORD_BOT_TOKEN", BOT_TOKEN, "DISCORD_WEBHOOK_ALERTS", WEBHOOK),
            "config",
            "validate",
            config.toString());
    CliRun hookOnly =
        CliRun.of(
            Map.of("DISCORD_WEBHOOK_ALERTS", WEBHOOK), "config", "validate", config.toString());

    assertThat(bot.out())
        .contains("Alerts: channel 1200000000000000002 (channels.discord.alertsChannel)");
    assertThat(hookOnly.out())
        .contains(
            "Alerts: the webhook DISCORD_WEBHOOK_ALERTS (channels.discord.alertsChannel is not used"
                + " without the bot: DISCORD_BOT_TOKEN is not set)");
    assertThat(bot.all() + hookOnly.all()).doesNotContain(WEBHOOK).doesNotContain(BOT_TOKEN);
  }
}
