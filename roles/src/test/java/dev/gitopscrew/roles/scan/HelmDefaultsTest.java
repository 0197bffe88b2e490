package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An Application's Helm values judged over the defaults of a chart that is in the repository. */
class HelmDefaultsTest {

  private static final String CHART_VALUES =
      """
      image:
        repository: ghcr.io/example/app
        tag: latest
      hostNetwork: true
      securityContext:
        privileged: true
        runAsNonRoot: true
      sidecars:
        - name: debug
          securityContext:
            privileged: true
      """;

  private static String application(String values) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: app
          namespace: argocd
        spec:
          destination:
            namespace: app
          source:
            repoURL: https://git.example/homelab.git
            path: charts/app
            helm:
              valueFiles:
                - values-prod.yaml
              valuesObject:
        """
        + values.indent(10);
  }

  private static List<String> found(String... files) {
    return Scanner.scan(ManifestTree.read(TreeFiles.of(files)), null).findings().stream()
        .map(f -> f.rule() + " " + f.where() + " " + f.message())
        .toList();
  }

  @Test
  void whatTheApplicationOverridesIsNotReportedAndWhatItKeepsIsReportedInTheChart() {
    List<String> found =
        found(
            "charts/app/Chart.yaml",
            "apiVersion: v2\nname: app\nversion: 1.0.0\n",
            "charts/app/values.yaml",
            CHART_VALUES,
            "charts/app/values-prod.yaml",
            "sidecars: []\n",
            "apps/app.yaml",
            application(
                """
                image:
                  tag: 1.4.2
                securityContext:
                  privileged: false
                  runAsNonRoot: false
                """));

    assertThat(found)
        .containsExactlyInAnyOrder(
            "host-network charts/app/values.yaml:4 the chart's default hostNetwork is true",
            "run-as-root apps/app.yaml:20 Helm value securityContext.runAsNonRoot is false");
  }

  @Test
  void aChartOutsideTheRepositoryIsJudgedByTheInlineValuesAlone() {
    List<String> found =
        found(
            "apps/app.yaml",
            application("hostNetwork: true\n").replace("path: charts/app", "chart: app"));

    assertThat(found)
        .containsExactly("host-network apps/app.yaml:16 Helm value hostNetwork is true");
  }
}
