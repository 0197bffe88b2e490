package dev.gitopscrew.roles.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.DrillLeaf;
import dev.gitopscrew.roles.AgentWorkforce;
import dev.gitopscrew.roles.FakeSubagents;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.team.Team;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrillTest {

  private final AgentWorkforce workforce =
      new AgentWorkforce(
          Team.routing(dev.gitopscrew.roles.TestCrew.services(null, null)),
          AuditLog.NONE,
          Redactor.none(),
          java.time.Clock.systemUTC());
  private final FakeSubagents.Shared tree = new FakeSubagents.Shared(workforce);

  private String ask(String text) throws Exception {
    return FakeSubagents.ask(tree, RequestCatalogue.standard().parse(text, Door.ASK, false));
  }

  @Test
  void aDrillCountsEveryLeafByItsTerminalResult() throws Exception {
    assertThat(ask("drill fanout 40 work 1"))
        .isEqualTo(
            "drill fanout 40: succeeded=34 failed=4 timed_out=2 cancelled=0 interrupted=0"
                + " (every child delivered)");
    assertThat(tree.spawns.stream().filter(s -> s.startsWith("1 qa-tester: drill share")))
        .hasSize(8)
        .startsWith("1 qa-tester: drill share 0-5 fail 10 timeout 5 work 1")
        .endsWith("1 qa-tester: drill share 35-40 fail 10 timeout 5 work 1");
    assertThat(tree.spawns.stream().filter(s -> s.startsWith("2 qa-tester: drill leaf 1 ")))
        .hasSize(40);
  }

  @Test
  void aSpawnRefusedAtTheChildrenLimitWaitsForAnEarlierChildInsteadOfDroppingOne()
      throws Exception {
    tree.maxActiveChildren = 3;

    assertThat(ask("drill fanout 30 fail 20 timeout 0 work 0"))
        .isEqualTo(
            "drill fanout 30: succeeded=24 failed=6 timed_out=0 cancelled=0 interrupted=0"
                + " (every child delivered)");
    assertThat(tree.refusedAtLimit).isPositive();
    assertThat(tree.mostActiveChildren).isEqualTo(3);
    assertThat(tree.spawns).hasSize(8 + 30);
  }

  @Test
  void aShareWithoutItsResultIsReportedAsMissingLeaves() {
    tree.forcedResults.put("qa-tester", new SessionResult.Interrupted("gateway restarted"));

    assertThatThrownBy(() -> ask("drill fanout 16"))
        .hasMessageStartingWith(
            "drill fanout 16: succeeded=0 failed=0 timed_out=0 cancelled=0 interrupted=0 (MISSING"
                + " 16 of 16 children without a delivered result: 2 leaves of drill share 0-2")
        .hasMessageContaining("interrupted: gateway restarted");
  }

  @Test
  void aDrillTheOrchestratorMayNotHandOnFailsWithTheReason() {
    tree.refuseAtDepth.put(1, "tools.agentToAgent is disabled");

    assertThatThrownBy(() -> ask("drill fanout 10"))
        .hasMessage(
            "cannot spawn qa-tester for 'drill share 0-1 fail 10 timeout 5 work 20':"
                + " tools.agentToAgent is disabled");
  }

  @Test
  void failingAndHangingLeavesAreSpreadByTheirShareOfEveryHundred() {
    Map<String, Long> kinds = new TreeMap<>();
    IntStream.range(0, 1000)
        .forEach(i -> kinds.merge(RunDrillShare.kindOf(i, 10, 5), 1L, Long::sum));

    assertThat(kinds).isEqualTo(Map.of("ok", 850L, "fail", 100L, "hang", 50L));
    assertThat(IntStream.range(0, 100).mapToObj(i -> RunDrillShare.kindOf(i, 0, 0)))
        .containsOnly("ok");
    assertThat(IntStream.range(0, 100).mapToObj(i -> RunDrillShare.kindOf(i, 0, 100)))
        .containsOnly("hang");
  }

  @Test
  void aLeafSucceedsFailsOrHangsUntilItIsStopped() throws Exception {
    Work leaf = workforce.workFor("qa-tester", 2).orElseThrow();
    Subagents none = new FakeSubagents(2, tree);

    assertThat(leaf.perform(leafTask("ok"), none)).isEqualTo("ok");
    assertThatThrownBy(() -> leaf.perform(leafTask("fail"), none))
        .hasMessage("drill leaf failed as planned");
    assertThatThrownBy(() -> new DrillLeaf(0, "explode"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("a drill leaf is ok, fail or hang, not explode");
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> leaf.perform(leafTask("hang"), none))
        .isInstanceOf(InterruptedException.class);
  }

  @Test
  void aHangingLeafIsTimedOutBySupervisionAfterItsShortTimeout() throws Exception {
    assertThat(ask("drill fanout 1 fail 0 timeout 100"))
        .isEqualTo(
            "drill fanout 1: succeeded=0 failed=0 timed_out=1 cancelled=0 interrupted=0"
                + " (every child delivered)");
    assertThat(tree.spawns)
        .containsExactly(
            "1 qa-tester: drill share 0-1 fail 0 timeout 100 work 20",
            "2 qa-tester: drill leaf 20 hang");
  }

  private static Assignment leafTask(String outcome) {
    return new Assignment(
        9,
        1,
        2,
        new Task("qa-tester", new DrillLeaf(0, outcome), Duration.ofSeconds(1)),
        FakeSubagents.ORIGIN);
  }
}
