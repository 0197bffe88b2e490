package dev.gitopscrew.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterGuardTest {

  private final ClusterGuard guard = ClusterGuard.packaged();

  @Test
  void theGuardReadsExactlyTheDeployedRbacFile() throws Exception {
    byte[] deployed = Files.readAllBytes(Path.of("..", "deploy", "k8s", "rbac.yaml"));
    try (InputStream packaged =
        getClass().getClassLoader().getResourceAsStream(ClusterGuard.PACKAGED)) {
      assertThat(packaged.readAllBytes()).isEqualTo(deployed);
    }
    assertThat(guard.serviceAccount()).isEqualTo("gitops-crew/gitops-crew");
    assertThat(guard.botNamespace()).isEqualTo("gitops-crew");
  }

  /**
   * Every (apiGroup, resource, verb) the rules grant is allowed, in any namespace it applies to.
   */
  @Test
  void everyGrantedCallIsAllowed() {
    int walked = 0;
    for (GrantedRule rule : guard.rules()) {
      for (String group : rule.apiGroups()) {
        for (String resource : rule.resources()) {
          for (String verb : rule.verbs()) {
            String[] parts = resource.split("/", 2);
            String ns = rule.namespace() != null ? rule.namespace() : "monitoring";
            boolean namespaced =
                ResourceType.KNOWN.stream()
                    .filter(t -> t.group().equals(group) && t.resource().equals(parts[0]))
                    .findFirst()
                    .map(ResourceType::namespaced)
                    .orElse(true);
            ApiCall call =
                new ApiCall(
                    verb,
                    group,
                    parts[0],
                    parts.length > 1 ? parts[1] : null,
                    namespaced ? ns : null,
                    "x");
            assertThat(guard.check(call))
                .as(call.describe())
                .isInstanceOf(GuardDecision.Allowed.class);
            walked++;
          }
        }
      }
    }
    assertThat(walked).isGreaterThan(60);
  }

  @ParameterizedTest
  @CsvSource({
    "delete, apps, deployments, , monitoring",
    "create, apps, deployments, , monitoring",
    "update, apps, deployments, , monitoring",
    "get, '', secrets, , kube-system",
    "list, '', secrets, , ",
    "delete, '', namespaces, , ",
    "patch, rbac.authorization.k8s.io, clusterroles, , ",
    "create, '', pods, , apps",
    "patch, '', pods, , apps",
    "create, '', pods, exec, apps",
    "patch, networking.k8s.io, networkpolicies, , apps",
    "delete, argoproj.io, applications, , argocd",
    "create, coordination.k8s.io, leases, , monitoring",
    "patch, apps, daemonsets, , apps"
  })
  void whatTheRulesDoNotGrantIsRefusedNamingTheMissingRule(
      String verb, String group, String resource, String sub, String ns) {
    ApiCall call = new ApiCall(verb, group == null ? "" : group, resource, sub, ns, "x");
    GuardDecision decision = guard.check(call);
    assertThat(decision).isInstanceOf(GuardDecision.Refused.class);
    assertThat(((GuardDecision.Refused) decision).reason())
        .startsWith("refused by the cluster guard: " + call.describe())
        .contains("deploy/k8s/rbac.yaml")
        .contains("needs verb \"" + verb + "\"");
  }

  @Test
  void secretsAndTheLeaseOnlyInTheBotsOwnNamespace() {
    assertThat(
            guard.check(new ApiCall("get", "", "secrets", null, "gitops-crew", "crew")).allowed())
        .isTrue();
    assertThat(guard.check(new ApiCall("get", "", "secrets", null, "kube-system", "x")).allowed())
        .isFalse();
    assertThat(
            guard
                .check(
                    new ApiCall(
                        "update", "coordination.k8s.io", "leases", null, "gitops-crew", "crew"))
                .allowed())
        .isTrue();
    assertThat(guard.check(new ApiCall("delete", "", "pods", null, "apps", "web-0")).allowed())
        .isTrue();
    assertThat(
            guard
                .check(new ApiCall("patch", "apps", "deployments", "scale", "apps", "web"))
                .allowed())
        .isTrue();
    assertThat(guard.check(new ApiCall("get", "", "pods", "log", "apps", "web-0")).allowed())
        .isTrue();
  }

  @Test
  void theRefusalSaysWhatTheRulesDoAllow() {
    assertThatThrownBy(
            () ->
                guard.require(
                    new ApiCall("delete", "apps", "deployments", null, "monitoring", "grafana")))
        .isInstanceOf(ClusterRefusedException.class)
        .hasMessageContaining("delete on apps/deployments grafana in namespace monitoring")
        .hasMessageContaining(
            "ClusterRole gitops-crew (cluster-wide): [get, list, watch] on [apps]");
  }

  static final String THIRD_PARTY =
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: ops-bot, namespace: ops}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: other, namespace: ops}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reader}
      rules:
        - apiGroups: ["apps"]
          resources: ["*"]
          verbs: ["get", "list", "watch"]
        - apiGroups: [""]
          resources: ["pods", "secrets"]
          verbs: ["get", "list", "watch"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: scaler}
      rules:
        - apiGroups: ["apps"]
          resources: ["deployments/scale", "*/status"]
          verbs: ["patch", "update"]
        - apiGroups: [""]
          resources: ["pods/log"]
          verbs: ["get"]
          resourceNames: ["web-0"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: deleter, namespace: shop}
      rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["delete"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: reader}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
      subjects: [{kind: ServiceAccount, name: ops-bot, namespace: ops}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: scaler, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: scaler}
      subjects: [{kind: Group, name: "system:serviceaccounts:ops"}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: deleter, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deleter}
      subjects: [{kind: ServiceAccount, name: other, namespace: ops}]
      """;

  @Test
  void aThirdPartyFileIsDecidedByTheRulesKubernetesUses() {
    ClusterGuard ops = ClusterGuard.parse("ops/rbac.yaml", THIRD_PARTY, "ops/ops-bot");

    // a ClusterRole through a ClusterRoleBinding: everywhere; "*" covers subresources too
    assertThat(ops.check(new ApiCall("list", "apps", "statefulsets", null, "db", null)).allowed())
        .isTrue();
    assertThat(ops.check(new ApiCall("get", "", "secrets", null, "db", "x")).allowed()).isTrue();
    assertThat(ops.check(new ApiCall("get", "batch", "jobs", null, "db", "x")).allowed()).isFalse();
    assertThat(ops.check(new ApiCall("get", "apps", "deployments", "scale", "db", "x")).allowed())
        .isTrue();
    // a ClusterRole through a RoleBinding to the group of the account's namespace: that namespace
    // only
    assertThat(
            ops.check(new ApiCall("patch", "apps", "deployments", "scale", "shop", "web"))
                .allowed())
        .isTrue();
    assertThat(
            ops.check(new ApiCall("patch", "apps", "deployments", "scale", "db", "web")).allowed())
        .isFalse();
    assertThat(
            ops.check(new ApiCall("patch", "apps", "deployments", null, "shop", "web")).allowed())
        .isFalse();
    assertThat(
            ops.check(new ApiCall("update", "apps", "statefulsets", "status", "shop", "db"))
                .allowed())
        .isTrue();
    // resourceNames
    assertThat(ops.check(new ApiCall("get", "", "pods", "log", "shop", "web-0")).allowed())
        .isTrue();
    assertThat(ops.check(new ApiCall("get", "", "pods", "log", "shop", "web-1")).allowed())
        .isFalse();
    // a Role bound to another account grants this one nothing
    assertThat(ops.check(new ApiCall("delete", "", "pods", null, "shop", "web-0")).allowed())
        .isFalse();
    assertThat(
            ClusterGuard.parse("ops/rbac.yaml", THIRD_PARTY, "ops/other")
                .check(new ApiCall("delete", "", "pods", null, "shop", "web-0"))
                .allowed())
        .isTrue();
  }

  @Test
  void aFileWithSeveralAccountsNeedsTheOneNamed() {
    assertThatThrownBy(() -> ClusterGuard.parse("ops/rbac.yaml", THIRD_PARTY, null))
        .hasMessageContaining("several ServiceAccounts [ops/ops-bot, ops/other]")
        .hasMessageContaining("kubernetes.serviceAccount");
    assertThatThrownBy(() -> ClusterGuard.parse("x.yaml", "kind: [", null))
        .hasMessageStartingWith("x.yaml is not valid YAML");
    assertThat(List.of(guard.describeRules().get(0))).isNotEmpty();
  }
}
