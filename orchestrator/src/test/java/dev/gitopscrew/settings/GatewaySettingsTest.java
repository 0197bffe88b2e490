package dev.gitopscrew.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.config.CrewConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

  static final String TOKEN = "crew_gw_4e6f8a0b2c4d6e8f0a1b3c5d7e9f1a2b";

  GatewaySettings resolve(Map<String, String> env, String bind) {
    return GatewaySettings.resolve(
        CrewConfig.defaults(), Optional.ofNullable(bind), Optional.empty(), env);
  }

  @Test
  void aTokenMountedFromAFileWithATrailingNewlineStillMatches() {
    GatewaySettings settings = resolve(Map.of("CREW_GATEWAY_TOKEN", TOKEN + "\n"), null);
    assertThat(settings.token().orElseThrow().matches(TOKEN)).isTrue();
    assertThat(settings.refusal()).isEmpty();
  }

  @Test
  void aTokenWithALineBreakInsideIsRefusedWithoutBeingShown() {
    GatewaySettings settings = resolve(Map.of("CREW_GATEWAY_TOKEN", TOKEN + "\nsecond-line"), null);
    assertThat(settings.refusal())
        .get()
        .asString()
        .contains("control characters")
        .doesNotContain(TOKEN);
  }

  @Test
  void loopbackIsTheDefaultAndLanNeedsAToken() {
    assertThat(resolve(Map.of(), null).host()).isEqualTo("127.0.0.1");
    assertThat(resolve(Map.of(), null).port()).isEqualTo(18789);
    assertThat(resolve(Map.of(), "lan").refusal()).get().asString().contains("CREW_GATEWAY_TOKEN");
    assertThat(resolve(Map.of("OPENCLAW_GATEWAY_TOKEN", TOKEN), "lan").refusal()).isEmpty();
  }

  @Test
  void onlyPortsFrom1To65535AndANonEmptyAddressMayBeListenedOn() {
    for (int port : new int[] {-5, 0, 65536, 99999}) {
      assertThat(withPort(port).refusal())
          .get()
          .asString()
          .startsWith("port " + port + " is out of range")
          .contains("1 to 65535");
    }
    assertThat(withPort(1).refusal()).isEmpty();
    assertThat(withPort(65535).refusal()).isEmpty();
    assertThat(resolve(Map.of(), "").refusal()).get().asString().contains("--bind loopback");
  }

  private static GatewaySettings withPort(int port) {
    return GatewaySettings.resolve(
        CrewConfig.defaults(), Optional.empty(), Optional.of(port), Map.of());
  }

  @Test
  void theTokenNeverPrintsItself() {
    assertThat(resolve(Map.of("CREW_GATEWAY_TOKEN", TOKEN), null).toString()).doesNotContain(TOKEN);
  }
}
