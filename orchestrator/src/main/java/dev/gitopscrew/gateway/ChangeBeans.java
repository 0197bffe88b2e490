package dev.gitopscrew.gateway;

import dev.gitopscrew.change.RunChange;
import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.store.JdbcLocalForgeRecords;
import dev.gitopscrew.store.StateStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The Git workflow of the gateway, its local forge recorded in the state store. */
@Singleton
public class ChangeBeans {

  @Produces
  @Singleton
  JdbcLocalForgeRecords records(StateStore store) {
    return new JdbcLocalForgeRecords(store.dataSource());
  }

  @Produces
  @Singleton
  RunChange runChange(CrewContext context, JdbcLocalForgeRecords records) {
    return new RunChange(context, records);
  }

  void close(@Disposes RunChange runChange) {
    runChange.close();
  }
}
