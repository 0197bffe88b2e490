package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.git.ChangedFiles;
import dev.gitopscrew.git.CommitInfo;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.git.RepositoryReader;
import dev.gitopscrew.git.RepositorySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * PRODUCT.md section 5 end to end: issue, plan comment, branch, commit, freshness merge, push, pull
 * request, and what the crew does around it (reverts, issues, comments, labels, reports, refreshing
 * and deleting branches). Each is a step class of its own sharing one {@link ChangeContext}; this
 * class only puts them behind the ports. Every forge write and push goes through the session's
 * {@link SideEffects}.
 */
public final class ChangeWorkflow
    implements Changes, BranchRefresh, MergedBranchCleanup, AutoCloseable {

  private final ChangeContext context;
  private final ReadRepositories read;
  private final ReadChanges changes;
  private final RevertCommit revert;
  private final OpenIssue openIssue;
  private final PostComment comment;
  private final AddOrRemoveLabel label;
  private final PostReport report;
  private final RefreshPullRequestBranch refresh;
  private final DeleteMergedBranch deleteMerged;

  /**
   * @param repositories the configured repositories by name
   * @param forges the forge adapter of a repository
   */
  public ChangeWorkflow(
      Footprint footprint,
      MirrorCache mirrors,
      Map<String, RepositorySpec> repositories,
      Function<RepositorySpec, Forge> forges,
      CreateOnce createOnce) {
    this.context = new ChangeContext(footprint, mirrors, repositories, forges, createOnce);
    this.read = new ReadRepositories(context);
    this.changes = new ReadChanges(context);
    this.revert = new RevertCommit(context);
    this.openIssue = new OpenIssue(context);
    this.comment = new PostComment(context);
    this.label = new AddOrRemoveLabel(context);
    this.report = new PostReport(context);
    this.refresh = new RefreshPullRequestBranch(context);
    this.deleteMerged = new DeleteMergedBranch(context);
  }

  @Override
  public Set<String> repositories() {
    return context.repositories().keySet();
  }

  /** The configured repositories by name. */
  public Map<String, RepositorySpec> specs() {
    return context.repositories();
  }

  /** Read-only views of the same repositories, through the same cached clones and credentials. */
  public RepositoryReader reader() {
    return read.reader();
  }

  @Override
  public RepositoryFiles defaultBranch(String repository) {
    return read.defaultBranch(repository);
  }

  @Override
  public ChangeOutcome run(ChangeRequest request, SideEffects effects) {
    return new MakeChange(context, request, effects, CommitMaker.files(request)).run();
  }

  @Override
  public Optional<String> repositoryFor(String url) {
    return read.repositoryFor(url);
  }

  @Override
  public List<CommitInfo> history(String repository, String path, int max) {
    return read.history(repository, path, max);
  }

  @Override
  public ChangeOutcome revert(RevertRequest request, SideEffects effects) {
    return revert.run(request, effects);
  }

  @Override
  public ChangeOutcome.Ref openIssue(IssueRequest request, SideEffects effects) {
    return openIssue.run(request, effects);
  }

  @Override
  public void comment(
      String repository, int number, String agentId, String body, SideEffects effects) {
    comment.run(repository, number, agentId, body, effects);
  }

  @Override
  public void label(
      String repository, int number, String label, boolean remove, SideEffects effects) {
    this.label.run(repository, number, label, remove, effects);
  }

  @Override
  public ChangedFiles pullRequestChanges(String repository, int number) {
    return changes.pullRequest(repository, number);
  }

  @Override
  public ChangedFiles defaultBranchChanges(String repository, String base) {
    return changes.defaultBranch(repository, base);
  }

  @Override
  public ReportOutcome report(String repository, Report report, SideEffects effects) {
    return this.report.onIssue(repository, report, effects);
  }

  @Override
  public ReportOutcome reportOnPullRequest(
      String repository, int number, Report report, CommitStatus status, SideEffects effects) {
    return this.report.onPullRequest(repository, number, report, status, effects);
  }

  @Override
  public Refreshed refresh(String repository, int number, String agentId, SideEffects effects) {
    return refresh.refresh(repository, number, agentId, effects);
  }

  @Override
  public BranchCleanup deleteBranchIfMerged(
      String repository, int pullRequest, SideEffects effects) {
    return deleteMerged.deleteBranchIfMerged(repository, pullRequest, effects);
  }

  /** Closes the cached clones this workflow opened. */
  @Override
  public void close() {
    context.mirrors().close();
  }
}
