package dev.gitopscrew.cluster.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.Leadership;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Leader election between two replicas on a Lease in Fabric8's CRUD mock: one leads, the other
 * follows it, and when the leader leaves the other takes over. The guard decides first whether the
 * election may touch the Lease at all.
 */
@EnableKubernetesMockClient(crud = true)
class LeaseLeadershipTest {

  KubernetesClient client;

  static final LeaseLeadership.Timing FAST =
      new LeaseLeadership.Timing(
          Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200));

  private Leadership replica(String identity) {
    return new Fabric8Cluster(client)
        .leadership(ClusterGuard.packaged(), "gitops-crew", "gitops-crew-leader", identity, FAST);
  }

  @Test
  void oneReplicaLeadsAndTheOtherTakesOverWhenItLeaves() throws Exception {
    CountDownLatch aLeads = new CountDownLatch(1);
    CountDownLatch aStops = new CountDownLatch(1);
    CountDownLatch bLeads = new CountDownLatch(1);
    CountDownLatch bSeesA = new CountDownLatch(1);
    Leadership a = replica("pod-a");
    a.start(new Leadership.Callbacks(aLeads::countDown, aStops::countDown, leader -> {}));
    assertThat(aLeads.await(20, TimeUnit.SECONDS)).isTrue();

    try (Leadership b = replica("pod-b")) {
      b.start(
          new Leadership.Callbacks(
              bLeads::countDown,
              () -> {},
              leader -> {
                if (leader.equals("pod-a")) {
                  bSeesA.countDown();
                }
              }));
      assertThat(bSeesA.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(bLeads.getCount()).isEqualTo(1);
      Lease lease = client.leases().inNamespace("gitops-crew").withName("gitops-crew-leader").get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("pod-a");

      a.close();

      assertThat(aStops.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(bLeads.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(b.leader()).contains("pod-b");
      assertThat(
              client
                  .leases()
                  .inNamespace("gitops-crew")
                  .withName("gitops-crew-leader")
                  .get()
                  .getSpec()
                  .getHolderIdentity())
          .isEqualTo("pod-b");
    }
  }

  @Test
  void rulesWithoutTheLeaseRefuseLeaderElectionBeforeAnyCall() {
    ClusterGuard noLease =
        ClusterGuard.parse(
            "rbac.yaml",
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: bot, namespace: ops}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: bot, namespace: ops}
            rules:
              - apiGroups: [""]
                resources: ["secrets"]
                verbs: ["get"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: bot, namespace: ops}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: bot}
            subjects: [{kind: ServiceAccount, name: bot, namespace: ops}]
            """,
            null);

    assertThatThrownBy(
            () -> new Fabric8Cluster(client).leadership(noLease, "ops", "leader", "pod-a", FAST))
        .isInstanceOf(ClusterRefusedException.class)
        .hasMessageContaining("leases");
  }
}
