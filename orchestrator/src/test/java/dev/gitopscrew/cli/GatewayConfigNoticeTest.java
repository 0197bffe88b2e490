package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.settings.GatewayFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI command that finds a gateway on its state directory acts through it; when the command was
 * given another configuration file than the gateway runs with, it says so once on stderr and still
 * goes to the gateway. The gateway is WireMock behind a {@code gateway.json} naming this process.
 */
class GatewayConfigNoticeTest {

  static final String LOCAL_KEY = "c2b7e1f04a9d86357e20b1c4d9f8a6e3";

  @TempDir Path dir;
  private WireMockServer gateway;
  private Path state;
  private Path gatewayConfig;

  @BeforeEach
  void start() throws Exception {
    gateway = new WireMockServer(wireMockConfig().dynamicPort());
    gateway.start();
    gateway.stubFor(
        get(urlPathEqualTo("/api/sessions"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
    state = Files.createDirectories(dir.resolve("state"));
    gatewayConfig = Files.writeString(dir.resolve("crew.json"), "{}");
    GatewayFile.write(
        state,
        new GatewayFile.Entry(
            gateway.baseUrl(),
            ProcessHandle.current().pid(),
            LOCAL_KEY,
            GatewayFile.canonical(gatewayConfig)));
  }

  @AfterEach
  void stop() {
    gateway.stop();
  }

  private CliRun sessionsList(String... config) {
    String[] args = new String[4 + config.length];
    args[0] = "sessions";
    args[1] = "list";
    args[2] = "--state-dir";
    args[3] = state.toString();
    System.arraycopy(config, 0, args, 4, config.length);
    return CliRun.of(Map.of("HOME", dir.toString()), args);
  }

  @Test
  void anotherConfigFileGetsOneNoticeAndTheRequestStillGoesToTheGateway() throws Exception {
    Path other = Files.writeString(dir.resolve("other.json"), "{}");

    CliRun run = sessionsList("--config", other.toString());

    assertThat(run.status()).as(run.all()).isZero();
    String expected =
        "note: the gateway running on this state directory ("
            + gateway.baseUrl()
            + ") uses "
            + GatewayFile.canonical(gatewayConfig)
            + "; "
            + GatewayFile.canonical(other)
            + " is not the one it runs with";
    assertThat(run.err()).contains(expected);
    assertThat(run.err().split("note: ", -1)).hasSize(2);
    assertThat(run.out()).doesNotContain("note:");
    gateway.verify(1, getRequestedFor(urlPathEqualTo("/api/sessions")));
  }

  @Test
  void theGatewaysOwnFileOrNoFileAtAllGetsNoNotice() throws Exception {
    // the same file by another spelling of its path
    Path same = dir.resolve("state/../crew.json");

    CliRun sameFile = sessionsList("--config", same.toString());
    CliRun noFile = sessionsList();

    assertThat(sameFile.err()).doesNotContain("note:");
    assertThat(noFile.err()).doesNotContain("note:");
    assertThat(sameFile.status()).isZero();
    assertThat(noFile.status()).isZero();
  }

  @Test
  void aGatewayOnItsEmbeddedDefaultsIsNamedSo() throws Exception {
    GatewayFile.write(
        state,
        new GatewayFile.Entry(gateway.baseUrl(), ProcessHandle.current().pid(), LOCAL_KEY, null));
    Path other = Files.writeString(dir.resolve("other.json"), "{}");

    CliRun run = sessionsList("--config", other.toString());

    assertThat(run.err())
        .contains(
            "uses its embedded defaults (no configuration file); " + GatewayFile.canonical(other));
  }
}
