package dev.gitopscrew.git.change;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.PullRequests;
import dev.gitopscrew.git.Footprint;
import java.util.Optional;
import java.util.Set;

/**
 * Step 5: open the pull request ({@code Closes #N}, summary, test plan, footer, labels, the issue's
 * milestone), or update the one already open for the branch.
 */
final class OpenOrUpdatePullRequest {

  /** The pull request, and whether this step opened it. */
  record Result(PullRequest pullRequest, boolean created) {}

  private final PullRequests forge;
  private final Footprint footprint;
  private final CreateOnce createOnce;

  OpenOrUpdatePullRequest(PullRequests forge, Footprint footprint, CreateOnce createOnce) {
    this.forge = forge;
    this.footprint = footprint;
    this.createOnce = createOnce;
  }

  /**
   * @param branchIsNew the branch did not exist on the remote before this push, so no pull request
   *     can be open for it and the lookup is skipped
   * @param milestoneNumber GitHub's number of the issue's milestone when known, else 0
   */
  Result run(
      ChangeRequest request,
      Issue issue,
      String branch,
      String baseBranch,
      Set<String> labels,
      boolean branchIsNew,
      int milestoneNumber) {
    NewPullRequest content =
        new NewPullRequest(
            request.type().id() + ": " + request.title(),
            body(request, issue.number(), branch),
            branch,
            baseBranch,
            labels,
            issue.number(),
            issue.milestone(),
            milestoneNumber);
    if (!branchIsNew) {
      Optional<PullRequest> open = forge.findOpenPullRequest(branch);
      if (open.isPresent()) {
        return new Result(forge.updatePullRequest(open.get().number(), content), false);
      }
    }
    PullRequest created =
        createOnce.create(
            () -> forge.findOpenPullRequest(branch), () -> forge.createPullRequest(content));
    return new Result(created, true);
  }

  private String body(ChangeRequest request, int issue, String branch) {
    StringBuilder body = new StringBuilder();
    body.append("Closes #")
        .append(issue)
        .append("\n\n## Summary\n\n")
        .append(request.summary())
        .append("\n\n");
    request.files().keySet().forEach(path -> body.append("- `").append(path).append("`\n"));
    body.append("\n## Test plan\n\n")
        .append("- [ ] `kustomize build` succeeds for every changed directory\n")
        .append("- [ ] Argo CD shows the affected applications Synced and Healthy after merge\n\n")
        .append(Markers.pullRequest(branch));
    return footprint.withFooter(body.toString(), request.agentId());
  }
}
