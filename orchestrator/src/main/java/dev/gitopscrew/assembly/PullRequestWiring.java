package dev.gitopscrew.assembly;

import dev.gitopscrew.channel.pr.PullRequestChannel;
import dev.gitopscrew.channel.pr.RefreshBranch;
import dev.gitopscrew.channel.pr.ReportDeployment;
import dev.gitopscrew.channel.pr.WriteAccess;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.change.BranchRefresh;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GitSettings;
import dev.gitopscrew.settings.Secret;
import dev.gitopscrew.settings.Secrets;
import dev.gitopscrew.store.JdbcDeliveries;
import dev.gitopscrew.store.JdbcPullRequestMerges;
import dev.gitopscrew.webhook.AzureDevOpsWebhook;
import dev.gitopscrew.webhook.GitHubWebhook;
import dev.gitopscrew.webhook.PullRequestDeliveries;
import dev.gitopscrew.webhook.PullRequestWebhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Builds the pull request channel and its webhooks from the crew's parts. */
final class PullRequestWiring {

  private PullRequestWiring() {}

  static PullRequestWebhooks build(
      CrewContext context,
      Map<String, RepositorySpec> specs,
      BranchRefresh refresh,
      Function<RepositorySpec, Forge> forges,
      JdbcDeliveries deliveries,
      JdbcPullRequestMerges merges,
      RunRequest run,
      AuditLog audit) {
    var config = context.loaded().config();
    var section = config.channels().pullRequests();
    PullRequestChannel channel =
        new PullRequestChannel(
            run,
            specs,
            forges,
            GitSettings.footprint(config),
            new WriteAccess(
                section.users(),
                Duration.ofSeconds(section.accessCacheSecondsOrDefault()),
                Clock.systemUTC()),
            merges,
            new RefreshBranch(refresh),
            audit,
            Secrets.redactor(config, context.env()),
            Clock.systemUTC());
    PullRequestDeliveries worker = new PullRequestDeliveries(deliveries, channel);
    return new PullRequestWebhooks(
        new GitHubWebhook(secret(context, GitHubWebhook.SECRET_VARIABLE), specs.values(), worker),
        new AzureDevOpsWebhook(
            secret(context, AzureDevOpsWebhook.SECRET_VARIABLE), specs.values(), worker),
        worker);
  }

  /** Merged pull requests whose deployment Argo CD reports get the verification's result. */
  static ReportDeployment followMerges(
      CrewContext context,
      Map<String, RepositorySpec> specs,
      Function<RepositorySpec, Forge> forges,
      JdbcPullRequestMerges merges,
      AuditLog audit) {
    var config = context.loaded().config();
    return new ReportDeployment(
        merges,
        specs,
        forges,
        GitSettings.footprint(config),
        audit,
        Secrets.redactor(config, context.env()),
        Clock.systemUTC());
  }

  private static Optional<Secret> secret(CrewContext context, String variable) {
    return Secret.fromEnvironment(context.env(), variable);
  }
}
