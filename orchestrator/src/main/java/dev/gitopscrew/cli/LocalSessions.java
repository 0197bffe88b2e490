package dev.gitopscrew.cli;

import dev.gitopscrew.roles.RoleWorkforce;
import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.session.RequestOutcome;
import dev.gitopscrew.session.RunRequest;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionSettings;
import dev.gitopscrew.session.SessionView;
import dev.gitopscrew.store.StateStore;
import java.util.List;
import java.util.Optional;

/** Sessions in this process, on the state directory's store (no gateway is running). */
final class LocalSessions implements Sessions {

  private final StateStore store;
  private final SessionEngine engine;
  private final RunRequest runRequest;

  LocalSessions(CrewContext context) {
    this.store = StateStore.openEmbedded(context.stateDir());
    SessionLimits limits = SessionSettings.limits(context.loaded().config());
    this.engine =
        SessionEngine.start(
            store.dataSource(),
            limits,
            SessionSettings.policy(context.loaded().config()),
            new RoleWorkforce());
    this.runRequest = new RunRequest(engine, context.permissions(), limits);
  }

  @Override
  public RequestOutcome ask(String text, Optional<String> agent) throws InterruptedException {
    return runRequest.run(text, agent, CLI, true);
  }

  @Override
  public List<SessionView> list(boolean all) {
    return SessionView.of(engine.list(all, 50));
  }

  @Override
  public List<SessionView> tree(long id) {
    return engine.find(id).map(s -> SessionView.of(engine.tree(s.rootId()))).orElse(List.of());
  }

  @Override
  public Optional<Integer> cancel(long id) {
    return engine.find(id).map(s -> engine.cancel(id, "cli"));
  }

  @Override
  public void close() {
    engine.close();
    store.close();
  }
}
