package dev.gitopscrew.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.roles.RoleWorkforce;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.store.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real role agents on the real engine: a request becomes a stored session tree. */
class RoleSessionsTest {

  @TempDir Path stateDir;
  private StateStore store;
  private SessionEngine engine;

  @AfterEach
  void stop() {
    engine.close();
    store.close();
  }

  private SessionEngine start(SpawnPolicy policy) {
    store = StateStore.openEmbedded(stateDir);
    engine =
        SessionEngine.start(
            store.dataSource(), SessionLimits.defaults(), policy, new RoleWorkforce());
    return engine;
  }

  private long ask(String text) {
    return ((SpawnOutcome.Spawned) engine.submit(new Task("homelab-admin", text))).sessionId();
  }

  @Test
  void aScanBecomesATreeOfOrchestratorRoleAndTwoLeafWorkers() throws Exception {
    start(SpawnPolicy.defaults());
    long root = ask("scan homelab");

    SessionResult result = engine.awaitResult(root, Duration.ofSeconds(20)).orElseThrow();

    assertThat(result.describe())
        .startsWith("succeeded: security-analyst: scan of homelab: planned: audit manifests");
    List<SessionRecord> tree = engine.tree(root);
    assertThat(tree).extracting(SessionRecord::depth).containsExactly(0, 1, 2, 2);
    assertThat(tree)
        .extracting(SessionRecord::agent)
        .containsExactly(
            "homelab-admin", "security-analyst", "security-analyst", "security-analyst");
    assertThat(tree).extracting(SessionRecord::state).containsOnly("succeeded");
  }

  @Test
  void aDrillDeliversEveryChildWithinTheChildrenLimitAndCountsThemByResult() throws Exception {
    start(SpawnPolicy.defaults());
    long root = ask("drill fanout 40 work 5");

    SessionResult result = engine.awaitResult(root, Duration.ofSeconds(60)).orElseThrow();

    assertThat(result)
        .isEqualTo(
            new SessionResult.Succeeded(
                "drill fanout 40: succeeded=34 failed=4 timed_out=2 cancelled=0 interrupted=0"
                    + " (every child delivered)"));
    List<SessionRecord> tree = engine.tree(root);
    assertThat(tree).allMatch(SessionRecord::isTerminal);
    assertThat(tree.stream().filter(s -> s.depth() == 1))
        .hasSize(8)
        .extracting(SessionRecord::state)
        .containsOnly("succeeded");
    Map<String, Long> leaves =
        tree.stream()
            .filter(s -> s.depth() == 2)
            .collect(Collectors.groupingBy(SessionRecord::state, Collectors.counting()));
    assertThat(leaves).isEqualTo(Map.of("succeeded", 34L, "failed", 4L, "timed_out", 2L));
  }

  @Test
  void aRequestTheOrchestratorMayNotHandOnFailsWithTheLimitNamed() throws Exception {
    start(
        new SpawnPolicy(
            Map.of("homelab-admin", Set.of("devops-sre")), SpawnPolicy.AgentToAgent.defaults()));
    long root = ask("verify grafana");

    assertThat(engine.awaitResult(root, Duration.ofSeconds(20)))
        .contains(
            new SessionResult.Failed(
                "cannot hand verify to qa-tester: subagents.allowAgents of homelab-admin does not"
                    + " include qa-tester [devops-sre]"));
  }

  @Test
  void aBadRequestFailsWithWhatWasExpected() throws Exception {
    start(SpawnPolicy.defaults());
    long root = ask("scale deployment/grafana");

    assertThat(engine.awaitResult(root, Duration.ofSeconds(20)))
        .contains(
            new SessionResult.Failed(
                "scale needs a workload and a count, like: scale deployment/grafana to 2 in"
                    + " monitoring"));
  }
}
