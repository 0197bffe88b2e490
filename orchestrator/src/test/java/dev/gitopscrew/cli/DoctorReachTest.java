package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew doctor} tells a network failure (refused, unresolvable, timed out) from a refused
 * token, naming the variable that holds the token and never its value.
 */
class DoctorReachTest {

  // shaped like real tokens: they must never be printed
  static final String BOT_TOKEN =
      "MTE4MDAwMDAwMDAwMDAwMDAwMg.Gx7Qp2.Vb3Nn8Kk1Lz5Tt0Yw6Rr9Ee4Uu2Ii7Oo3Pp1Aa";
  static final String GITHUB_TOKEN = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz";

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

  /** A port nothing listens on: bound, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
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
  void a401FromDiscordSaysTheTokenIsRefusedAndWhichVariableHoldsIt() throws IOException {
    discord.stubFor(
        get(urlEqualTo("/api/v10/users/@me"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"401: Unauthorized\", \"code\": 0}")));
    Path config = discordConfig(discord.baseUrl() + "/api/v10", "");

    CliRun run = doctor(config, Map.of("DISCORD_BOT_TOKEN", BOT_TOKEN));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("Discord: BROKEN")
        .contains(
            "the token in DISCORD_BOT_TOKEN is refused (HTTP 401 from localhost:"
                + discord.port()
                + ")")
        .contains("fix: reset the token in the developer portal")
        .doesNotContain("cannot reach");
    assertThat(run.all()).doesNotContain(BOT_TOKEN);
    discord.verify(
        getRequestedFor(urlEqualTo("/api/v10/users/@me"))
            .withHeader("Authorization", equalTo("Bot " + BOT_TOKEN))
            .withHeader("User-Agent", matching("DiscordBot \\(https?://[^,]+, [0-9][^)]*\\)")));
  }

  @Test
  void aClosedPortSaysDiscordCannotBeReachedAndDoesNotBlameTheToken() throws IOException {
    int port = closedPort();
    Path config = discordConfig("http://127.0.0.1:" + port + "/api/v10", "");

    CliRun run = doctor(config, Map.of("DISCORD_BOT_TOKEN", BOT_TOKEN));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("Discord: BROKEN")
        .contains("cannot reach 127.0.0.1:" + port + ": connection refused")
        .contains("fix: check the network from here to 127.0.0.1:" + port)
        .doesNotContain("is refused (HTTP");
    assertThat(run.all()).doesNotContain(BOT_TOKEN);
  }

  @Test
  void aClosedPortForGitHubIsANetworkErrorAndA401ItsTokenRefused() throws IOException {
    int port = closedPort();
    Path config =
        Files.writeString(
            dir.resolve("crew.json"),
            """
            {"git": {"repositories": {"homelab": {"forge": "github",
              "url": "https://github.com/owner/homelab.git", "apiUrl": "%s"}}}}
            """
                .formatted("http://127.0.0.1:" + port));

    CliRun unreachable = doctor(config, Map.of("GITHUB_TOKEN", GITHUB_TOKEN));
    assertThat(unreachable.out())
        .contains("GitHub: BROKEN")
        .contains("cannot reach 127.0.0.1:" + port + ": connection refused");

    discord.stubFor(
        get(urlEqualTo("/repos/owner/homelab")).willReturn(aResponse().withStatus(401)));
    Files.writeString(
        config, Files.readString(config).replace("http://127.0.0.1:" + port, discord.baseUrl()));
    CliRun refused = doctor(config, Map.of("GITHUB_TOKEN", GITHUB_TOKEN));
    assertThat(refused.out()).contains("the token in GITHUB_TOKEN is refused (HTTP 401");
    assertThat(unreachable.all() + refused.all()).doesNotContain(GITHUB_TOKEN);
  }
}
