package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.cluster.Leadership;
import dev.gitopscrew.store.StoreTrouble;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What readiness tells, for {@code /readyz} and {@code /q/health/ready} alike: whether the state
 * store takes a write (and why not), PostgreSQL when the store is there, and the leader's Lease
 * where replicas elect one. Only the store decides readiness: a replica that does not lead still
 * accepts webhooks and API requests.
 */
@ApplicationScoped
public class ReadinessReport {

  /** One look: ready or not, and the fields to show. */
  public record Report(boolean up, Map<String, Object> fields) {}

  @Inject Crew crew;

  public Report now() {
    Optional<StoreTrouble> trouble = crew.storeHealth().check();
    String store = trouble.isEmpty() ? "UP" : "DOWN";
    Map<String, Object> fields = new TreeMap<>();
    fields.put("status", store);
    fields.put("stateStore", store);
    trouble.ifPresent(t -> fields.put("reason", t.reason()));
    if (crew.storeHealth().shared()) {
      fields.put("postgresql", store);
    }
    crew.cluster().leadership().ifPresent(election -> fields.put("lease", lease(election)));
    return new Report(trouble.isEmpty(), fields);
  }

  private Map<String, Object> lease(Leadership election) {
    return Map.of(
        "name", "gitops-crew-leader",
        "identity", election.identity(),
        "holder", election.leader().orElse(""),
        "leading", crew.engine().leading());
  }
}
