package dev.gitopscrew.gateway;

import dev.gitopscrew.roles.RoleWorkforce;
import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.session.RunRequest;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionSettings;
import dev.gitopscrew.store.StateStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The session engine of the gateway: started on the store, finalising what a crash left. */
@Singleton
public class SessionBeans {

  @Produces
  @Singleton
  SessionLimits limits(CrewContext context) {
    return SessionSettings.limits(context.loaded().config());
  }

  @Produces
  @Singleton
  SessionEngine engine(CrewContext context, StateStore store, SessionLimits limits) {
    return SessionEngine.start(
        store.dataSource(),
        limits,
        SessionSettings.policy(context.loaded().config()),
        new RoleWorkforce());
  }

  void stop(@Disposes SessionEngine engine) {
    engine.close();
  }

  @Produces
  @Singleton
  RunRequest runRequest(SessionEngine engine, CrewContext context, SessionLimits limits) {
    return new RunRequest(engine, context.permissions(), limits);
  }
}
