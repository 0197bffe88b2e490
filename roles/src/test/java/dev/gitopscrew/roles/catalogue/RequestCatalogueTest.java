package dev.gitopscrew.roles.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Label;
import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Severity;
import dev.gitopscrew.request.Validate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCatalogueTest {

  static final Map<Field.Context, Object> PULL_REQUEST_5 =
      Map.of(Field.Context.REPOSITORY, "demo", Field.Context.PULL_REQUEST, 5);

  final RequestCatalogue catalogue = RequestCatalogue.standard().with(Greeting.KIND);

  /** Each field's example, for the required ones: what a typed door would send. */
  static Map<String, Object> typedExample(RequestKind kind) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : kind.fields()) {
      if (f.required()) {
        values.put(
            f.name(),
            switch (f.type()) {
              case INTEGER -> Integer.parseInt(f.example());
              case BOOLEAN -> true;
              default -> f.example();
            });
      }
    }
    return values;
  }

  @Test
  void everyKindsExampleLineIsItsOwnRecordAtEveryTextDoorThatOffersIt() {
    for (RequestKind kind : catalogue.kinds()) {
      for (Door door : Door.values()) {
        if (!door.isText()) {
          continue;
        }
        if (kind.offeredAt(door) && door != Door.PR_COMMENT) {
          assertThat(catalogue.parse(kind.example(), door, false))
              .as(kind.name() + " at " + door)
              .isInstanceOf(kind.record());
        } else if (!kind.offeredAt(door)) {
          assertThatThrownBy(() -> catalogue.parse(kind.name() + " demo", door, false))
              .as(kind.name() + " at " + door)
              .isInstanceOf(BadRequestException.class)
              .hasMessageContaining(kind.whyNotAt(door).orElseThrow());
        }
      }
    }
  }

  @Test
  void everyKindsTypedExampleIsItsOwnRecordAtEveryTypedDoorThatOffersIt() {
    for (RequestKind kind : catalogue.kinds()) {
      for (Door door : Door.values()) {
        if (door.isText()) {
          continue;
        }
        if (kind.offeredAt(door)) {
          Request request = catalogue.typed(kind.id(), typedExample(kind), door, Map.of());
          assertThat(request).as(kind.name() + " at " + door).isInstanceOf(kind.record());
          String json = RequestJson.write(request);
          assertThat(RequestJson.write(RequestJson.read(json))).isEqualTo(json);
        } else {
          assertThatThrownBy(() -> catalogue.typed(kind.id(), typedExample(kind), door, Map.of()))
              .hasMessageContaining(kind.whyNotAt(door).orElseThrow());
        }
      }
    }
  }

  @Test
  void aKindDefinedOnlyInATestReachesTheTextAndTypedDoorsAndTheHelp() {
    assertThat(catalogue.parse("greet demo world times 3 loud", Door.CHAT, true))
        .isEqualTo(new Greeting("demo", "world", 3, true));
    assertThat(catalogue.parse("greet world", Door.PR_COMMENT, PULL_REQUEST_5, false))
        .isEqualTo(new Greeting("demo", "world", 1, false));
    assertThat(
            catalogue.typed(
                "greet",
                Map.of("repository", "demo", "who", "you", "loud", true),
                Door.API,
                Map.of()))
        .isEqualTo(new Greeting("demo", "you", 1, true));
    assertThat(RequestJson.read(RequestJson.write(new Greeting("demo", "you", 2, false))))
        .isEqualTo(new Greeting("demo", "you", 2, false));
    assertThat(catalogue.help(Door.SLASH)).contains("greet REPOSITORY WHO [times TIMES] [loud]");
    assertThatThrownBy(() -> catalogue.parse("greet demo world times 9", Door.ASK, false))
        .hasMessage("times must be a number from 1 to 5, got 9");
  }

  @Test
  void aPullRequestCommentTakesItsRepositoryAndNumberFromThePullRequest() {
    assertThat(catalogue.parse("scan", Door.PR_COMMENT, PULL_REQUEST_5, false))
        .isEqualTo(new Scan("demo", null, null, Severity.LOW, false, false, 5));
    assertThat(catalogue.parse("validate", Door.PR_COMMENT, PULL_REQUEST_5, false))
        .isEqualTo(new Validate("demo", null, null, 5));
    assertThat(catalogue.parse("release plan", Door.PR_COMMENT, PULL_REQUEST_5, false))
        .isEqualTo(new ReleasePlan("demo", null));
    assertThat(catalogue.parse("label type:docs", Door.PR_COMMENT, PULL_REQUEST_5, false))
        .isEqualTo(new Label("demo", 5, "type:docs", false, false));
    assertThatThrownBy(
            () ->
                catalogue.parse(
                    "restart deployment/grafana", Door.PR_COMMENT, PULL_REQUEST_5, false))
        .hasMessageContaining("restart is not taken here: it does not act on a repository");
  }

  @Test
  void typedValuesAreNotCoercedAndNameTheirFields() {
    assertThatThrownBy(
            () -> catalogue.typed("verify", Map.of("application", 7), Door.API, Map.of()))
        .hasMessage("application must be a string, got 7");
    assertThatThrownBy(
            () ->
                catalogue.typed(
                    "scan", Map.of("repository", "demo", "directory", "/etc"), Door.API, Map.of()))
        .hasMessageContaining("'directory' is not a field of scan");
    assertThatThrownBy(() -> catalogue.typed("restart", Map.of(), Door.MODEL, Map.of()))
        .hasMessageContaining("restart needs 'workload'");
    assertThatThrownBy(() -> catalogue.typed("explode", Map.of(), Door.API, Map.of()))
        .hasMessageStartingWith("unknown request kind 'explode'; one of: restart, scale");
    assertThat(
            catalogue.typed(
                "label",
                Map.of("repository", "demo", "pull-request", 5, "label", "type:docs"),
                Door.SLASH,
                Map.of()))
        .isEqualTo(new Label("demo", 5, "type:docs", false, false));
  }

  @Test
  void wordsThatStartLikeARequestButDoNotReadAsOneAreFreeTextWhenAModelCanPlanThem() {
    assertThat(catalogue.parse("label it type:docs please", Door.CHAT, true))
        .isEqualTo(new dev.gitopscrew.request.Ask("label it type:docs please"));
    assertThatThrownBy(() -> catalogue.parse("label it type:docs please", Door.CHAT, false))
        .hasMessageStartingWith("unexpected 'please'; label needs a pull request and a label");
  }

  @Test
  void aKindIsDescribedOnce() {
    assertThatThrownBy(() -> catalogue.with(Greeting.KIND))
        .hasMessage("request kind greet is described twice");
  }

  @Test
  void labelsAndTheBreakingFlagReachAnEditAndAChangeAtEveryDoor() {
    Request words =
        catalogue.parse(
            "edit demo deployment/whoami image whoami=traefik/whoami:v1.10.4"
                + " labels priority:high,area:k8s breaking",
            Door.CHAT,
            false);
    assertThat(words)
        .isInstanceOfSatisfying(
            dev.gitopscrew.request.Edit.class,
            e ->
                assertThat(e.labels())
                    .containsExactly("priority:high", "area:k8s", "semver:breaking"));
    Request slash =
        catalogue.typed(
            "edit",
            Map.of(
                "repository", "demo",
                "object", "deployment/whoami",
                "set", "image",
                "value", "whoami=traefik/whoami:v1.10.4",
                "labels", "semver:breaking"),
            Door.SLASH,
            Map.of());
    assertThat(((dev.gitopscrew.request.Edit) slash).labels()).containsExactly("semver:breaking");
    Request model =
        catalogue.typed(
            "change",
            Map.of(
                "repository",
                "demo",
                "title",
                "Rename the service",
                "files",
                Map.of("README.md", "# demo"),
                "breaking",
                true),
            Door.MODEL,
            Map.of());
    assertThat(((dev.gitopscrew.request.Change) model).labels()).containsExactly("semver:breaking");
    // stored typed and restarted typed: the labels survive
    assertThat(
            ((dev.gitopscrew.request.Change) RequestJson.read(RequestJson.write(model))).labels())
        .containsExactly("semver:breaking");
    assertThat(((dev.gitopscrew.request.Edit) RequestJson.read(RequestJson.write(words))).labels())
        .containsExactly("priority:high", "area:k8s", "semver:breaking");
    assertThatThrownBy(
            () ->
                catalogue.parse(
                    "edit demo deployment/whoami replicas 2 labels a;b", Door.ASK, false))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("the label 'a;b' must be one word");
  }
}
