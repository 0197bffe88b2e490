package dev.gitopscrew.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.gitopscrew.git.ChangeType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request stored with its session reads back as the same typed request. */
class RequestJsonTest {

  @Test
  void everyKindRoundTrips() {
    List<Request> all =
        List.of(
            new ClusterAction(
                "restart", new ObjectRef("deployment", "homepage", "apps"), null, true),
            new Kube("get", "pods", null, "apps", false),
            new Drift(null),
            new Drift("argocd"),
            new Digest(1),
            new ReleaseDue(null, 7),
            new ReleaseDue("demo", 0),
            new McpCall("board", "wit_create_work_item", "{\"title\": \"Upgrade Traefik\"}", false),
            new Edit(
                "demo",
                new ObjectRef("deployment", "whoami", null),
                new EditOperation.Limits("whoami", "500m", null),
                4,
                ChangeType.FIX,
                true),
            new Scan("demo", null, "k8s", Severity.HIGH, true, true),
            new Validate(null, "/srv/repo", "main", null),
            new Validate("demo", null, null, 3),
            new Verify("grafana", null, 30),
            new Triage("grafana", null),
            new RunRunbook("restart-crash-loop", "grafana", null, true),
            new Alert("grafana", "argocd", "on-health-degraded", "9f2c1e7", "Degraded"),
            new ReleasePlan("demo", "v0.2.0"),
            new ReleaseCut("demo", null, true),
            new Merge("demo", 4),
            new Ask("why is grafana degraded?"),
            new Drill(10, 1, 1, 1),
            new DrillShare(0, 5, 1, 1, 1),
            new DrillLeaf(3, "hang"),
            new Label("demo", 5, "type:docs", false, false));
    assertThat(all.stream().map(Request::getClass).distinct())
        .hasSize(
            (int)
                    java.util.Arrays.stream(Request.class.getPermittedSubclasses())
                        .filter(c -> !c.isInterface())
                        .count()
                - 1);
    for (Request request : all) {
      assertThat(RequestJson.read(RequestJson.write(request))).isEqualTo(request);
    }
  }

  @Test
  void aScanSeverityIsItsLowerCaseName() {
    assertThat(RequestJson.write(new Scan("demo", null, null, Severity.HIGH, false, false)))
        .contains("\"severity\":\"high\"");
    assertThat(RequestJson.read("{\"kind\":\"scan\",\"repository\":\"demo\"}").describe())
        .isEqualTo("scan demo");
  }

  @Test
  void aChangeKeepsItsFileBytes() {
    Change change =
        new Change(
            "demo",
            ChangeType.DOCS,
            "Document",
            null,
            Map.of("README.md", "héllo\n".getBytes(StandardCharsets.UTF_8)),
            null,
            false);
    Change read = (Change) RequestJson.read(RequestJson.write(change));
    assertThat(new String(read.files().get("README.md"), StandardCharsets.UTF_8))
        .isEqualTo("héllo\n");
    assertThat(RequestJson.write(change))
        .contains("\"kind\":\"change\"")
        .contains("\"type\":\"docs\"");
  }

  @Test
  void everyKindHasAName() {
    for (Class<?> kind : Request.class.getPermittedSubclasses()) {
      if (kind.isInterface()) {
        continue;
      }
      assertThat(kind.getAnnotation(JsonTypeName.class)).as(kind.getSimpleName()).isNotNull();
    }
    assertThat(RequestJson.kinds()).contains("action", "kube", "edit", "release-cut", "drill-leaf");
  }

  @Test
  void postedJsonIsValidatedLikeAnyOtherInput() {
    assertThatThrownBy(
            () ->
                RequestJson.read(
                    "{\"kind\":\"action\",\"action\":\"reboot\",\"target\":{\"kind\":\"pod\",\"name\":\"x\"}}"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("unknown action 'reboot'");
    assertThatThrownBy(() -> RequestJson.read("{\"kind\":\"reboot\"}"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("reboot");
    assertThatThrownBy(() -> RequestJson.read("{\"kind\":\"verify\",\"application\":42}"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("to a string value")
        .hasMessageNotContaining("java.lang");
  }
}
