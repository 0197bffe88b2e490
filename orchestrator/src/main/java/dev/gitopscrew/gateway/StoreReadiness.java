package dev.gitopscrew.gateway;

import dev.gitopscrew.store.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the state store answers. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

  @Inject StateStore store;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("state-store").status(store.isHealthy()).build();
  }
}
