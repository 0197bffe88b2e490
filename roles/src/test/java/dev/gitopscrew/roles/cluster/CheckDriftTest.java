package dev.gitopscrew.roles.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.roles.cluster.CheckDrift.Seen;
import dev.gitopscrew.roles.cluster.CheckDrift.Troubled;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a drift run words the troubled set and its last change against the previous run's. */
class CheckDriftTest {

  private static final Troubled GUESTBOOK =
      new Troubled("guestbook", "argocd", "Degraded", "Synced", "back-off");
  private static final Troubled WEB = new Troubled("web", "argocd", "Healthy", "OutOfSync", "");

  @Test
  void theFirstRunWithNothingTroubledSaysSoAndNothingElse() {
    Seen seen = CheckDrift.compare(List.of(), 3, Optional.empty());
    assertThat(CheckDrift.render(seen)).isEqualTo("all 3 applications Synced and Healthy");
  }

  @Test
  void aChangedSetSaysWhatIsNewWhatStaysAndWhatRecovered() {
    Seen before = CheckDrift.compare(List.of(GUESTBOOK), 3, Optional.empty());
    assertThat(CheckDrift.render(before))
        .isEqualTo(
            """
            1 of 3 applications out of sync or unhealthy:
            - guestbook: Degraded, Synced — back-off
            last change: newly troubled: guestbook""");

    Seen both = CheckDrift.compare(List.of(GUESTBOOK, WEB), 3, Optional.of(before));
    assertThat(CheckDrift.render(both))
        .endsWith("last change: newly troubled: web; still troubled: guestbook");

    Seen recovered = CheckDrift.compare(List.of(WEB), 3, Optional.of(both));
    assertThat(CheckDrift.render(recovered))
        .isEqualTo(
            """
            1 of 3 applications out of sync or unhealthy:
            - web: Healthy, OutOfSync
            last change: still troubled: web; recovered: guestbook""");
  }

  @Test
  void theSameTroubledNamesKeepTheLastChangeSoTheTextOnlyChangesWithTheirState() {
    Seen first = CheckDrift.compare(List.of(GUESTBOOK), 3, Optional.empty());
    Seen again = CheckDrift.compare(List.of(GUESTBOOK), 3, Optional.of(first));
    assertThat(CheckDrift.render(again)).isEqualTo(CheckDrift.render(first));

    Seen missing =
        CheckDrift.compare(
            List.of(new Troubled("guestbook", "argocd", "Missing", "OutOfSync", "")),
            3,
            Optional.of(again));
    assertThat(CheckDrift.render(missing))
        .contains("- guestbook: Missing, OutOfSync")
        .endsWith("last change: newly troubled: guestbook");

    Seen healthy = CheckDrift.compare(List.of(), 3, Optional.of(missing));
    Seen stillHealthy = CheckDrift.compare(List.of(), 3, Optional.of(healthy));
    assertThat(CheckDrift.render(stillHealthy))
        .isEqualTo(CheckDrift.render(healthy))
        .isEqualTo("all 3 applications Synced and Healthy\nlast change: recovered: guestbook");
  }

  @Test
  void anApplicationNotBothHealthyAndSyncedIsTroubledWithTheMessageThatSaysWhy() throws Exception {
    List<Troubled> troubled =
        CheckDrift.troubled(
            List.of(
                app("web", "Healthy", "OutOfSync", "", "Succeeded", "successfully synced"),
                app("api", "Healthy", "Synced", "", "Succeeded", "successfully synced"),
                app("guestbook", "Degraded", "Synced", "back-off", "Running", "waiting"),
                app("db", "Healthy", "OutOfSync", "", "Failed", "one or more objects failed")));
    assertThat(troubled)
        .extracting(Troubled::line)
        .containsExactly(
            "- db: Healthy, OutOfSync — one or more objects failed",
            "- guestbook: Degraded, Synced — back-off",
            "- web: Healthy, OutOfSync");
  }

  private static KubeObject app(
      String name, String health, String sync, String message, String phase, String operation)
      throws Exception {
    String json =
        """
        {"metadata": {"name": "%s", "namespace": "argocd"},
         "status": {"health": {"status": "%s", "message": "%s"}, "sync": {"status": "%s"},
                    "operationState": {"phase": "%s", "message": "%s"}}}
        """
            .formatted(name, health, message, sync, phase, operation);
    return new KubeObject(
        ResourceType.APPLICATION, "argocd", name, "1", new ObjectMapper().readTree(json));
  }
}
