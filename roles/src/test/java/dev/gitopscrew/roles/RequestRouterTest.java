package dev.gitopscrew.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestRouterTest {

  private final RequestRouter router = new RequestRouter();

  @ParameterizedTest
  @CsvSource({
    "restart deployment/grafana in monitoring, devops-sre",
    "scale statefulset/loki to 3 -n logging, devops-sre",
    "change homelab raise grafana memory to 512Mi, software-engineer",
    "scan homelab k8s/apps, security-analyst",
    "validate homelab pr 42, qa-tester",
    "verify grafana, qa-tester",
    "release plan homelab v1.4, homelab-admin",
    "release homelab v1.4, homelab-admin",
    "drill fanout 1000 fail 10 timeout 5 work 50, homelab-admin",
    "drill share 0-125 fail 10 timeout 5 work 50, qa-tester"
  })
  void routesEachKindOfRequestToItsAgent(String text, String agent) {
    assertThat(router.route(text).id()).isEqualTo(agent);
  }

  @Test
  void parsesAScaleWithItsNamespaceAndCount() {
    Request r = router.parse("scale deployment/grafana to 02 in monitoring");
    assertThat(r.kind()).isEqualTo(Request.Kind.SCALE);
    assertThat(r.subject()).isEqualTo("deployment/grafana");
    assertThat(r.options()).isEqualTo(Map.of("namespace", "monitoring", "replicas", "2"));
    assertThat(r.kind().tool()).isEqualTo(Tool.CLUSTER_SCALE);
  }

  @Test
  void aBareNameIsADeploymentInTheDefaultNamespace() {
    Request r = router.parse("restart grafana");
    assertThat(r.subject()).isEqualTo("deployment/grafana");
    assertThat(r.option("namespace")).contains("default");
  }

  @Test
  void parsesAValidationGivenAsRepoHashNumber() {
    Request r = router.parse("validate homelab#7");
    assertThat(r.subject()).isEqualTo("homelab");
    assertThat(r.option("pr")).contains("7");
  }

  @Test
  void aDrillHasDefaultsAndNeedsTheSpawnTool() {
    Request r = router.parse("drill fanout");
    assertThat(r.kind()).isEqualTo(Request.Kind.DRILL);
    assertThat(r.options())
        .isEqualTo(Map.of("leaves", "100", "fail", "10", "timeout", "5", "work", "20"));
    assertThat(r.kind().tool()).isEqualTo(Tool.SESSIONS_SPAWN);
    assertThat(router.parse("drill fanout 1000 work 50 fail 0").options())
        .containsEntry("leaves", "1000")
        .containsEntry("work", "50")
        .containsEntry("fail", "0")
        .containsEntry("timeout", "5");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "deploy grafana | unknown request 'deploy'; one of: restart, scale, change, scan, validate,"
            + " verify, release plan, release, drill, drill share",
        "scale deployment/grafana | scale needs a workload and a count",
        "scale deployment/grafana to many | replicas must be a number from 0 to 9999, got many",
        "restart pod/grafana-0 | cannot restart a pod; one of [deployment, statefulset, daemonset]",
        "restart deployment/grafana in Monitoring! | not a valid namespace",
        "scan homelab ../../etc | scan path must stay inside the repository: ../../etc",
        "validate homelab pr abc | pull request number must be a positive number, got abc",
        "change homelab | change needs a repository and what to change",
        "release homelab | release needs a repository and a milestone",
        "'   ' | empty request",
        "drill | drill needs a fan-out, like: drill fanout 1000 [fail 10] [timeout 5] [work 20]",
        "drill fanout many | unexpected 'many'; drill needs a fan-out",
        "drill fanout 0 | N must be a number from 1 to 100000, got 0",
        "drill fanout 10 fail | unexpected 'fail'; drill needs a fan-out",
        "drill fanout 10 fail 80 timeout 30 | fail and timeout percentages add up to more than 100",
        "drill fanout 10 work 90000 | work must be a number from 0 to 60000, got 90000",
        "drill share 9-3 | share end must be a number from 9 to 100000, got 3"
      })
  void explainsWhatWasExpectedForABadRequest(String text, String message) {
    assertThatThrownBy(() -> router.parse(text))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith(message);
  }
}
