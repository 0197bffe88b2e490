package dev.gitopscrew.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FootprintTest {

  private final Footprint footprint = new Footprint("crew.example.org", "Homelab Crew");

  @Test
  void everyArtifactNamesTheAgent() {
    assertThat(footprint.author("security-analyst").toExternalString())
        .startsWith("security-analyst[bot] <security-analyst@crew.example.org>");
    assertThat(
            footprint.commitMessage(
                ChangeType.SECURITY, "Drop NET_RAW from whoami", 7, "security-analyst"))
        .isEqualTo("security: Drop NET_RAW from whoami (#7) [security-analyst]");
    assertThat(
            footprint.branchName(
                "security-analyst", ChangeType.SECURITY, 7, "Drop NET_RAW from whoami!"))
        .isEqualTo("security-analyst/security/7-drop-net-raw-from-whoami");
    assertThat(
            footprint.labels("qa-tester", ChangeType.FIX, "high", List.of("monitoring", "ingress")))
        .containsExactly(
            "agent:qa-tester", "type:fix", "priority:high", "area:monitoring", "area:ingress");
    assertThat(footprint.withFooter("Body text.\n", "qa-tester"))
        .isEqualTo("Body text.\n\n---\nAgent: qa-tester | Homelab Crew");
  }

  @Test
  void defaultsComeFromTheSpecification() {
    Footprint defaults = new Footprint(null, " ");
    assertThat(defaults.authorEmail("devops-sre")).isEqualTo("devops-sre@gitops-crew.local");
    assertThat(defaults.footer("devops-sre")).isEqualTo("---\nAgent: devops-sre | GitOps Crew");
  }

  @Test
  void slugsStayShortAndSafe() {
    assertThat(RefNames.slug("Ünïcode -- and    spaces.. ~^:?*[")).isEqualTo("unicode-and-spaces");
    assertThat(RefNames.slug("???")).isEqualTo("change");
    assertThat(RefNames.slug("a".repeat(80))).hasSize(40);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a..b",
        "feature/x.lock",
        "-rf",
        "has space",
        "tilde~1",
        "at@{1}",
        "end/",
        "/start",
        "a//b",
        "ctl\u0007",
        "q?",
        ".hidden"
      })
  void branchNamesFollowGitRefFormat(String bad) {
    assertThatThrownBy(() -> RefNames.requireValidBranch(bad))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agentIdsAndPathsAreValidated() {
    assertThatThrownBy(() -> footprint.author("Evil Agent")).hasMessageContaining("agent id");
    assertThatThrownBy(() -> RefNames.requireValidPath(".git/config")).hasMessageContaining(".git");
    assertThatThrownBy(() -> RefNames.requireValidPath("/etc/passwd"))
        .hasMessageContaining("relative");
    assertThatThrownBy(() -> ChangeType.parse("yolo")).hasMessageContaining("feat");
    assertThat(RefNames.requireValidPath("k8s/apps/whoami/deployment.yaml")).isNotNull();
  }

  @Test
  void aLabelSchemeSpellsTypeAreaAndPriorityAndMapsTheCrewsAreasToTheirs() {
    Footprint openclaw =
        new Footprint(
            null,
            null,
            new LabelScheme(
                "kind/", null, "prio:", java.util.Map.of("*", "k8s", "security", "security")));
    assertThat(openclaw.labels("devops-sre", ChangeType.FIX, "high", List.of("monitoring")))
        .containsExactlyInAnyOrder("agent:devops-sre", "kind/fix", "prio:high", "area:k8s");
    assertThat(
            openclaw.labels("security-analyst", ChangeType.SECURITY, "high", List.of("security")))
        .contains("area:security");
    assertThat(
            footprint.labels(
                "devops-sre",
                ChangeType.FEAT,
                "medium",
                List.of("apps"),
                List.of("semver:breaking", "priority:critical")))
        .containsExactlyInAnyOrder(
            "agent:devops-sre", "type:feat", "priority:critical", "area:apps", "semver:breaking");
    assertThatThrownBy(
            () ->
                footprint.labels(
                    "devops-sre", ChangeType.FEAT, "medium", List.of(), List.of("type:fix")))
        .hasMessageContaining("second type");
  }

  @Test
  void aLabelSchemeTheForgeCannotUseIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> new LabelScheme("type :", null, null, null))
        .isInstanceOfSatisfying(
            LabelScheme.Invalid.class,
            e -> {
              assertThat(e.key()).isEqualTo("labels.type");
              assertThat(e.getMessage()).startsWith("git.footprint.labels.type: 'type :'");
            });
    assertThatThrownBy(() -> new LabelScheme("area:", "area:", null, null))
        .hasMessageContaining("must differ");
    assertThatThrownBy(() -> new LabelScheme("agent:", null, null, null))
        .hasMessageContaining("taken");
    assertThatThrownBy(() -> new LabelScheme(null, null, null, java.util.Map.of("*", "area:k8s")))
        .isInstanceOfSatisfying(
            LabelScheme.Invalid.class,
            e -> {
              assertThat(e.key()).isEqualTo("areas.*");
              assertThat(e.reason()).contains("without the prefix 'area:'");
            });
    assertThatThrownBy(() -> new LabelScheme(null, null, null, java.util.Map.of("Apps!", "k8s")))
        .hasMessageContaining("not an area the crew uses");
  }
}
