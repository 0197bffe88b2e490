package dev.gitopscrew.roles.verify;

import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.incident.IncidentException;
import dev.gitopscrew.incident.Verification;
import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.cluster.ClusterAccess;
import dev.gitopscrew.roles.cluster.IncidentSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * qa-tester: post-merge and post-rollback verification of an Argo CD application, re-checked until
 * every check passes or the wait is over.
 */
public final class VerifyDeployment implements Action<Verify> {

  /** Warning events older than this before the verification are not new. */
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final ClusterAccess cluster;
  private final IncidentSettings settings;
  private final Clock clock;

  public VerifyDeployment(ClusterAccess cluster, IncidentSettings settings, Clock clock) {
    this.cluster = cluster;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Class<Verify> handles() {
    return Verify.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.VERIFY_DEPLOYMENT);
  }

  @Override
  public String run(Verify request, ActionContext context) throws InterruptedException {
    Cluster reads = cluster.forSession(context);
    Verification verification = new Verification(reads);
    Instant started = clock.instant();
    Instant until = started.plusSeconds(request.waitSeconds());
    Instant since = started.minus(WINDOW);
    try {
      while (true) {
        List<Verification.Check> checks =
            verification.verify(
                request.application(),
                request.namespace(),
                since,
                settings.endpointsOf(request.application()));
        boolean passed = checks.stream().allMatch(Verification.Check::ok);
        if (passed || !clock.instant().isBefore(until)) {
          context.data(checks);
          String lines =
              checks.stream().map(Verification.Check::describe).collect(Collectors.joining("\n"));
          if (passed) {
            return "verified "
                + request.application()
                + ": all "
                + checks.size()
                + " checks pass\n"
                + lines;
          }
          throw new ActionFailedException(
              "verification of "
                  + request.application()
                  + " failed"
                  + (request.waitSeconds() > 0 ? " after " + request.waitSeconds() + " s" : "")
                  + ":\n"
                  + lines);
        }
        Thread.sleep(settings.recheckEvery().toMillis());
      }
    } catch (ClusterRefusedException | ClusterCallException | IncidentException e) {
      throw new ActionFailedException(e.getMessage());
    }
  }
}
