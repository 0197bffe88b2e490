package dev.gitopscrew.gatewayclient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewayFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's one request and one response to the gateway of its state directory: the gateway is
 * WireMock behind a {@code gateway.json} naming this process, answering as the gateway's API does.
 */
class GatewayClientTest {

  static final String TOKEN = "crew-gw-9f3b7d21c64e8a05b1d7e2f4a6c8b0d3";
  static final String LOCAL_KEY = "c2b7e1f04a9d86357e20b1c4d9f8a6e3";

  @TempDir Path dir;
  private WireMockServer gateway;
  private Path state;

  @BeforeEach
  void start() throws Exception {
    gateway = new WireMockServer(wireMockConfig().dynamicPort());
    gateway.start();
    state = Files.createDirectories(dir.resolve("state"));
    registerGatewayAt(gateway.baseUrl());
  }

  @AfterEach
  void stop() {
    gateway.stop();
  }

  private void registerGatewayAt(String url) throws Exception {
    GatewayFile.write(
        state, new GatewayFile.Entry(url, ProcessHandle.current().pid(), LOCAL_KEY, null));
  }

  private GatewayClient client(Map<String, String> env) {
    CrewContext context = CrewContext.load(Optional.empty(), Optional.of(state), withHome(env));
    return GatewayClient.forRunningGateway(context).orElseThrow();
  }

  private Map<String, String> withHome(Map<String, String> env) {
    var all = new java.util.HashMap<>(env);
    all.put("HOME", dir.toString());
    return all;
  }

  @Test
  void aReadSendsTheTokenAndTheLocalKeyAndReturnsTheAnswer() {
    gateway.stubFor(
        get(urlPathEqualTo("/api/sessions"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader(GatewayFile.LOCAL_KEY_HEADER, equalTo(LOCAL_KEY))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "[{\"id\":3,\"agent\":\"software-engineer\",\"state\":\"succeeded\"}]")));

    JsonNode sessions = client(Map.of("CREW_GATEWAY_TOKEN", TOKEN)).get("/api/sessions");

    assertThat(sessions.get(0).path("agent").asText()).isEqualTo("software-engineer");
  }

  @Test
  void aRequestIsPostedAsJson() {
    gateway.stubFor(
        post(urlPathEqualTo("/api/requests"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"rootId\":7}")));

    JsonNode answer =
        client(Map.of()).post("/api/requests", Map.of("text", "scan demo"), Duration.ofSeconds(5));

    assertThat(answer.path("rootId").asLong()).isEqualTo(7);
    gateway.verify(
        postRequestedFor(urlPathEqualTo("/api/requests"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"text\":\"scan demo\"}")));
  }

  @Test
  void anErrorAnswerCarriesTheGatewaysStatusAndWords() {
    gateway.stubFor(
        get(urlPathEqualTo("/api/sessions/99"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"no session 99\"}")));

    assertThatThrownBy(() -> client(Map.of()).get("/api/sessions/99"))
        .isInstanceOfSatisfying(
            GatewayClient.GatewayError.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("the gateway at " + gateway.baseUrl() + " answered: no session 99");
  }

  @Test
  void aTokenThatCannotBeAHeaderIsRefusedWithoutBeingQuoted() {
    String broken = TOKEN + "\nX-Injected: yes";

    assertThatThrownBy(() -> client(Map.of("CREW_GATEWAY_TOKEN", broken)).get("/api/sessions"))
        .isInstanceOf(GatewayClient.GatewayError.class)
        .hasMessageContaining("set CREW_GATEWAY_TOKEN again")
        .hasMessageNotContaining(TOKEN);
    assertThat(gateway.getAllServeEvents()).isEmpty();
  }

  @Test
  void aGatewayThatIsGoneIsSaidSo() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    registerGatewayAt("http://127.0.0.1:" + closed);

    assertThatThrownBy(() -> client(Map.of()).get("/api/sessions"))
        .isInstanceOf(GatewayClient.GatewayError.class)
        .hasMessageStartingWith("cannot reach the gateway at http://127.0.0.1:" + closed);
  }

  @Test
  void aGatewayThatDoesNotAnswerInTimeIsSaidSo() {
    gateway.stubFor(
        post(urlPathEqualTo("/api/requests"))
            .willReturn(aResponse().withFixedDelay(3_000).withStatus(200).withBody("{}")));

    assertThatThrownBy(
            () -> client(Map.of()).post("/api/requests", Map.of(), Duration.ofSeconds(1)))
        .isInstanceOf(GatewayClient.GatewayError.class)
        .hasMessage("the gateway at " + gateway.baseUrl() + " did not answer within 1 s");
  }
}
