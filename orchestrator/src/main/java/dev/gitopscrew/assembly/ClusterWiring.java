package dev.gitopscrew.assembly;

import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.GuardedCluster;
import dev.gitopscrew.cluster.Leadership;
import dev.gitopscrew.cluster.fabric8.Fabric8Cluster;
import dev.gitopscrew.cluster.fabric8.LeaseLeadership;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.doctor.Integrations;
import dev.gitopscrew.incident.SeverityRules;
import dev.gitopscrew.incident.Verification;
import dev.gitopscrew.incident.runbook.Runbook;
import dev.gitopscrew.incident.runbook.Runbooks;
import dev.gitopscrew.roles.Prerequisite;
import dev.gitopscrew.roles.cluster.ClusterAccess;
import dev.gitopscrew.roles.cluster.IncidentSettings;
import dev.gitopscrew.settings.ClusterSettings;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cluster part of the crew: the guard from the packaged deploy/k8s/rbac.yaml (or the operator's
 * {@code kubernetes.rbacFile}), and a Fabric8 client behind it when a cluster is configured (the
 * client connects on its first call, so a command that never touches the cluster never connects).
 */
public final class ClusterWiring implements AutoCloseable {

  static final String FIX =
      "set KUBECONFIG, or run in a cluster with the service account of deploy/k8s/rbac.yaml"
          + " (docs/cluster.md)";

  private final ClusterAccess access;
  private final Fabric8Cluster client;
  private final Optional<Leadership> leadership;

  private ClusterWiring(ClusterAccess access, Fabric8Cluster client, Optional<Leadership> lead) {
    this.access = access;
    this.client = client;
    this.leadership = lead;
  }

  static ClusterWiring access(CrewContext context) {
    CrewConfig config = context.loaded().config();
    ClusterGuard guard = ClusterSettings.guard(context);
    boolean disabled = Boolean.FALSE.equals(config.kubernetes().enabled());
    Optional<String> source =
        disabled ? Optional.empty() : Integrations.kubeconfigSource(context.env());
    boolean elect = Boolean.TRUE.equals(config.kubernetes().leaderElection());
    if (source.isEmpty()) {
      if (elect) {
        throw context.configError(
            "kubernetes.leaderElection", "leader election needs the cluster's Lease: " + FIX);
      }
      return new ClusterWiring(
          ClusterAccess.none(
              guard,
              Prerequisite.missing(
                  "Kubernetes",
                  disabled ? "kubernetes.enabled is false in the configuration" : FIX)),
          null,
          Optional.empty());
    }
    Fabric8Cluster client =
        Fabric8Cluster.connect(config.kubernetes().context(), ClusterSettings.kubeconfig(context));
    return new ClusterWiring(
        new ClusterAccess(
            guard,
            Optional.of(new GuardedCluster(client, guard)),
            Prerequisite.configured("Kubernetes"),
            Duration.ofSeconds(30)),
        client,
        elect ? Optional.of(leadership(context, client, guard)) : Optional.empty());
  }

  public ClusterAccess access() {
    return access;
  }

  /** The Lease election, when {@code kubernetes.leaderElection} is on. */
  public Optional<Leadership> leadership() {
    return leadership;
  }

  private static Leadership leadership(
      CrewContext context, Fabric8Cluster client, ClusterGuard guard) {
    Duration lease = context.loaded().config().kubernetes().leaseDuration();
    return client.leadership(
        guard,
        guard.botNamespace(),
        "gitops-crew-leader",
        identity(context),
        new LeaseLeadership.Timing(
            lease, lease.multipliedBy(2).dividedBy(3), lease.dividedBy(7).plusMillis(1)));
  }

  /** The pod's name (POD_NAME from the downward API, else HOSTNAME) and this process. */
  static String identity(CrewContext context) {
    String pod = context.env().getOrDefault("POD_NAME", context.env().get("HOSTNAME"));
    return (pod == null || pod.isBlank() ? "gitops-crew" : pod)
        + "-"
        + ProcessHandle.current().pid();
  }

  /**
   * The incident settings of the configuration: health URLs, and the configured runbooks before the
   * built-in ones (a mistake in one is a configuration error naming it).
   */
  public static IncidentSettings incidentsOf(CrewContext context) {
    return incidents(context);
  }

  static IncidentSettings incidents(CrewContext context) {
    var incident = context.loaded().config().incident();
    List<Runbook> runbooks = new java.util.ArrayList<>();
    if (incident.runbooks() != null && !incident.runbooks().isNull()) {
      Object tree =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .convertValue(incident.runbooks(), Object.class);
      String source = context.loaded().source().map(Path::toString).orElse("configuration");
      try {
        runbooks.addAll(Runbooks.parse(source, tree));
      } catch (IllegalArgumentException e) {
        throw context.configError("incident.runbooks", e.getMessage());
      }
    }
    runbooks.addAll(Runbooks.builtIn());
    return new IncidentSettings(
        incident.healthEndpoints().stream()
            .map(e -> new Verification.Endpoint(e.name(), e.url()))
            .toList(),
        runbooks,
        Duration.ofSeconds(5),
        incident.severity().stream()
            .map(r -> new SeverityRules.Rule(r.app(), r.health(), r.findings(), r.severity()))
            .toList(),
        incident.verifyWaitSecondsOrDefault(),
        incident.repository());
  }

  @Override
  public void close() {
    leadership.ifPresent(Leadership::close);
    if (client != null) {
      client.close();
    }
  }
}
