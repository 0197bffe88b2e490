package dev.gitopscrew.webhook;

/**
 * The pull request channel's two receivers and their shared worker; the caller starts and closes it
 * (the gateway's leader does, the CLI never needs it).
 */
public record PullRequestWebhooks(
    GitHubWebhook github, AzureDevOpsWebhook azureDevOps, PullRequestDeliveries worker)
    implements AutoCloseable {

  @Override
  public void close() {
    worker.close();
  }
}
