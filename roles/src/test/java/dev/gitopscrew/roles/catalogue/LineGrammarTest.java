package dev.gitopscrew.roles.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.request.Alert;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.ClusterAction;
import dev.gitopscrew.request.Drill;
import dev.gitopscrew.request.Edit;
import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.request.Kube;
import dev.gitopscrew.request.Merge;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Severity;
import dev.gitopscrew.request.Triage;
import dev.gitopscrew.request.Validate;
import dev.gitopscrew.request.Verify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A line of words, as crew ask, chat, pull request comments and schedules write a request. */
class LineGrammarTest {

  private final RequestCatalogue catalogue = RequestCatalogue.standard();

  private Request parse(String text) {
    return catalogue.parse(text, Door.ASK, false);
  }

  @Test
  void aRestartIsATypedClusterAction() {
    assertThat(parse("restart deployment/homepage in apps"))
        .isEqualTo(
            new ClusterAction(
                "restart", new ObjectRef("deployment", "homepage", "apps"), null, false));
    assertThat(parse("restart grafana"))
        .isEqualTo(
            new ClusterAction(
                "restart", new ObjectRef("deployment", "grafana", null), null, false));
    assertThat(parse("restart statefulset/loki -n logging dry-run"))
        .isEqualTo(
            new ClusterAction(
                "restart", new ObjectRef("statefulset", "loki", "logging"), null, true));
  }

  @Test
  void aScaleHasItsCountAndNamespaceInAnyOrder() {
    assertThat(parse("scale deployment/grafana in monitoring to 02"))
        .isEqualTo(
            new ClusterAction(
                "scale", new ObjectRef("deployment", "grafana", "monitoring"), 2, false));
  }

  @Test
  void theOtherClusterActionsAndKube() {
    assertThat(parse("force-sync externalsecret/grafana in monitoring"))
        .isEqualTo(
            new ClusterAction(
                "force-sync",
                new ObjectRef("externalsecret", "grafana", "monitoring"),
                null,
                false));
    assertThat(parse("delete-pod pod/web-0 in apps dry-run"))
        .isEqualTo(
            new ClusterAction("delete-pod", new ObjectRef("pod", "web-0", "apps"), null, true));
    assertThat(parse("kube get pods in monitoring"))
        .isEqualTo(new Kube("get", "pods", null, "monitoring", false));
    assertThat(parse("kube logs pods web-0 in apps previous"))
        .isEqualTo(new Kube("logs", "pods", "web-0", "apps", true));
  }

  @Test
  void anEditNamesTheRepositoryTheObjectAndOneChange() {
    assertThat(parse("edit demo deployment/whoami image whoami=traefik/whoami:v1.10.4"))
        .isEqualTo(
            new Edit(
                "demo",
                new ObjectRef("deployment", "whoami", null),
                new EditOperation.Image("whoami", "traefik/whoami:v1.10.4"),
                null,
                null,
                false));
    assertThat(parse("edit demo application/grafana in argocd helm-value image.tag=11.2 dry-run"))
        .isEqualTo(
            new Edit(
                "demo",
                new ObjectRef("application", "grafana", "argocd"),
                new EditOperation.HelmValue("image.tag", "11.2"),
                null,
                null,
                true));
    assertThat(
            ((Edit) parse("edit demo deployment/web limits web:cpu=500m,memory=256Mi")).operation())
        .isEqualTo(new EditOperation.Limits("web", "500m", "256Mi"));
    assertThat(((Edit) parse("edit demo deployment/web env web:TZ=Europe/Berlin")).operation())
        .isEqualTo(new EditOperation.Env("web", "TZ", "Europe/Berlin"));
  }

  @Test
  void theOtherKinds() {
    assertThat(parse("scan homelab k8s/apps")).isEqualTo(new Scan("homelab", null, "k8s/apps"));
    assertThat(parse("scan homelab#12"))
        .isEqualTo(new Scan("homelab", null, null, null, false, false, 12));
    assertThat(parse("validate homelab#7")).isEqualTo(new Validate("homelab", null, null, 7));
    assertThat(parse("validate homelab pr 7")).isEqualTo(new Validate("homelab", null, null, 7));
    assertThat(parse("validate homelab base v1.2.0"))
        .isEqualTo(new Validate("homelab", null, "v1.2.0", null));
    assertThat(parse("verify grafana")).isEqualTo(new Verify("grafana", "argocd", 0));
    assertThat(parse("verify grafana wait 120")).isEqualTo(new Verify("grafana", "argocd", 120));
    assertThat(parse("triage grafana")).isEqualTo(new Triage("grafana", "argocd"));
    assertThat(parse("incident grafana in argo"))
        .isEqualTo(new Alert("grafana", "argo", "manual", null, null));
    assertThat(parse("release plan homelab v1.4.0"))
        .isEqualTo(new ReleasePlan("homelab", "v1.4.0"));
    assertThat(parse("release cut homelab")).isEqualTo(new ReleaseCut("homelab", null, false));
    assertThat(parse("merge demo 4")).isEqualTo(new Merge("demo", 4));
    assertThat(parse("merge demo#4")).isEqualTo(new Merge("demo", 4));
    assertThat(parse("drill fanout 1000 fail 10 timeout 5 work 50"))
        .isEqualTo(new Drill(1000, 10, 5, 50));
    assertThat(parse("drill fanout")).isEqualTo(new Drill(100, 10, 5, 20));
  }

  @Test
  void aScanTakesASeverityShowSuppressedAndDryRunInAnyOrder() {
    assertThat(parse("scan homelab severity HIGH k8s/apps show-suppressed"))
        .isEqualTo(new Scan("homelab", null, "k8s/apps", Severity.HIGH, true, false));
    assertThat(parse("scan homelab dry-run"))
        .isEqualTo(new Scan("homelab", null, null, Severity.LOW, false, true));
    assertThat(parse("scan homelab").describe()).isEqualTo("scan homelab");
    assertThat(parse("scan homelab k8s severity medium dry-run").describe())
        .isEqualTo("scan homelab under k8s (medium and above) (dry run)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "restart | restart needs a workload",
        "restart | restart needs a workload",
        "restart Grafana | not a valid object name",
        "scale grafana to many | replicas must be a number from 0 to 9999, got many",
        "scale grafana | scale needs a workload and a count",
        "restart grafana in monitoring extra | unexpected 'extra'",
        "scale deployment/x to 1 dry-run extra | unexpected 'extra'",
        "kube explode pods | verb is one of get, list, logs, delete",
        "kube logs pods | logs needs an object name",
        "scan ../etc | not a repository name",
        "scan homelab ../../etc | path must stay inside the repository",
        "validate homelab pr 0 | pull request must be a number from 1 to 999999999, got 0",
        "validate homelab base ../main | not a Git ref",
        "validate homelab pr 3 base main | compared with its own base branch",
        "scan homelab severity urgent | severity is one of low, medium, high, critical, got urgent",
        "scan homelab severity | needs a value",
        "edit demo whoami image whoami=x | name the object as KIND/NAME",
        "edit demo deployment/whoami image whoami | image takes CONTAINER=IMAGE",
        "edit demo deployment/whoami image whoami=Not:An:Image | not an image reference",
        "edit demo deployment/whoami colour blue | set is one of image, replicas, env, limits, helm-value",
        "drill fanout 10 fail 60 timeout 60 | add up to more than 100",
        "change homelab raise grafana memory | a change needs files",
        "incident | incident needs an Argo CD application",
        "please fix grafana | unknown request 'please'"
      })
  void badInputIsRefusedWithWhatWasExpected(String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(message);
  }

  @Test
  void freeTextIsAnAskOnlyWhenAModelCanPlanIt() {
    assertThat(catalogue.parse("why is grafana degraded?", Door.ASK, true))
        .isEqualTo(new Ask("why is grafana degraded?"));
    assertThatThrownBy(() -> catalogue.parse("why is grafana degraded?", Door.ASK, false))
        .hasMessageContaining("free text needs a model");
    assertThatThrownBy(() -> catalogue.parse("   ", Door.ASK, true))
        .hasMessageStartingWith("empty request");
  }
}
