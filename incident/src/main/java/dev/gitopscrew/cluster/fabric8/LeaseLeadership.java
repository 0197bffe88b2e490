package dev.gitopscrew.cluster.fabric8;

import dev.gitopscrew.cluster.ApiCall;
import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.Leadership;
import dev.gitopscrew.cluster.ResourceType;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Fabric8's leader election on a Lease in the bot's own namespace. The elector talks to the API
 * server itself, so every call it makes (get, create, update on that one Lease) is checked against
 * the guard before it starts: a cluster guard without the Lease rule refuses leader election.
 */
public final class LeaseLeadership implements Leadership {

  /** How long a Lease lasts unrenewed, how soon the leader must renew, how often others retry. */
  public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    public static final Timing DEFAULT =
        new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
  }

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final String identity;
  private final Timing timing;
  private volatile String leader;
  private CompletableFuture<?> running;

  LeaseLeadership(
      KubernetesClient client,
      ClusterGuard guard,
      String namespace,
      String name,
      String identity,
      Timing timing) {
    for (String verb : List.of("get", "create", "update")) {
      guard.require(ApiCall.of(verb, ResourceType.LEASE, namespace, name));
    }
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.timing = timing;
  }

  @Override
  public synchronized void start(Callbacks callbacks) {
    LeaderElector elector =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(name)
                    .withLock(new LeaseLock(namespace, name, identity))
                    .withLeaseDuration(timing.leaseDuration())
                    .withRenewDeadline(timing.renewDeadline())
                    .withRetryPeriod(timing.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            callbacks.onStartLeading(),
                            callbacks.onStopLeading(),
                            newLeader -> {
                              leader = newLeader;
                              callbacks.onNewLeader().accept(newLeader);
                            }))
                    .build())
            .build();
    running = elector.start();
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public Optional<String> leader() {
    return Optional.ofNullable(leader);
  }

  @Override
  public synchronized void close() {
    if (running != null) {
      running.cancel(true);
    }
  }
}
