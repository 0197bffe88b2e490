package dev.gitopscrew.roles;

import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.git.testing.RecordedEffects;
import dev.gitopscrew.release.ReleasePolicy;
import dev.gitopscrew.release.ReleaseWorkflow;
import dev.gitopscrew.roles.team.AgentServices;
import dev.gitopscrew.roles.team.Team;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The real team over the seeded demo repository on the local forge, with no cluster and no model,
 * its audit records kept in memory.
 */
public final class TestCrew implements AutoCloseable {

  final InMemoryLocalForgeRecords forge = new InMemoryLocalForgeRecords();
  final RecordedEffects audit = new RecordedEffects("unused");
  final ChangeWorkflow changes;
  final ReleaseWorkflow releases;
  final AgentWorkforce workforce;

  TestCrew(Path state) {
    this(state, Clock.systemUTC());
  }

  /** With the agents' clock at {@code clock} (what "N days ago" is measured by). */
  TestCrew(Path state, Clock clock) {
    MirrorCache mirrors = new MirrorCache(state);
    var repositories = Map.of(DemoRepository.NAME, DemoRepository.ensure(state));
    LocalForge local = new LocalForge(DemoRepository.NAME, forge);
    changes =
        new ChangeWorkflow(
            Footprint.defaults(),
            mirrors,
            repositories,
            spec -> local,
            new CreateOnce(java.time.Duration.ofMillis(1)));
    releases =
        new ReleaseWorkflow(
            Footprint.defaults(), mirrors, repositories, spec -> local, ReleasePolicy.defaults());
    workforce =
        new AgentWorkforce(
            Team.routing(services(changes, releases, clock)),
            audit,
            Redactor.none(),
            Clock.systemUTC());
  }

  /** The services of a crew with no cluster and no model. */
  public static AgentServices services(
      dev.gitopscrew.git.change.Changes changes, dev.gitopscrew.release.Releases releases) {
    return services(changes, releases, Clock.systemUTC());
  }

  /** The services of a crew with no cluster and no model, its agents' clock at {@code clock}. */
  public static AgentServices services(
      dev.gitopscrew.git.change.Changes changes,
      dev.gitopscrew.release.Releases releases,
      Clock clock) {
    return new AgentServices(
        changes,
        dev.gitopscrew.roles.cluster.ClusterAccess.none(
            dev.gitopscrew.cluster.ClusterGuard.packaged(),
            Prerequisite.missing("Kubernetes", "set KUBECONFIG")),
        new dev.gitopscrew.roles.cluster.IncidentSettings(
            java.util.List.of(),
            dev.gitopscrew.incident.runbook.Runbooks.builtIn(),
            java.time.Duration.ofMillis(50)),
        null,
        Prerequisite.missing("model providers", "add models.providers"),
        releases,
        clock,
        dev.gitopscrew.roles.ask.Planner.none(),
        dev.gitopscrew.roles.work.PastResults.NONE,
        dev.gitopscrew.roles.work.CrewActivity.NONE,
        dev.gitopscrew.roles.work.ServerTools.NONE);
  }

  FakeSubagents.Shared tree() {
    return new FakeSubagents.Shared(workforce);
  }

  @Override
  public void close() {
    changes.close();
  }
}
