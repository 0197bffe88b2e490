package dev.gitopscrew.git.change;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Issues;
import dev.gitopscrew.git.Footprint;
import java.util.List;
import java.util.Optional;

/**
 * Step 2: the plan comment (approach, files, risks). On an adopted issue it also says the agent is
 * picking it up, and an earlier attempt's comment is reused rather than repeated.
 */
final class PostPlanComment {

  private final Issues forge;
  private final Footprint footprint;
  private final CreateOnce createOnce;

  PostPlanComment(Issues forge, Footprint footprint, CreateOnce createOnce) {
    this.forge = forge;
    this.footprint = footprint;
    this.createOnce = createOnce;
  }

  /**
   * @param notes what adopting the issue changed (reopened, type replaced), said in the plan; when
   *     an earlier attempt's plan is reused, in a comment of their own
   */
  Comment run(
      ChangeRequest request, int issue, boolean adopted, String branch, List<String> notes) {
    String marker = Markers.plan(branch);
    if (adopted) {
      Optional<Comment> earlier = forge.findComment(issue, marker);
      if (earlier.isPresent()) {
        if (!notes.isEmpty()) {
          forge.comment(issue, footprint.withFooter(String.join("\n\n", notes), request.agentId()));
        }
        return earlier.get();
      }
    }
    StringBuilder body = new StringBuilder();
    if (adopted) {
      body.append("Picking up this issue.\n\n");
      notes.forEach(note -> body.append(note).append("\n\n"));
    }
    body.append("**Plan**\n\n")
        .append("- Approach: ")
        .append(request.summary())
        .append(" on branch `")
        .append(branch)
        .append("`, proposed as a pull request.\n- Files:\n");
    request.files().keySet().forEach(path -> body.append("  - `").append(path).append("`\n"));
    body.append(
            "- Risks: Argo CD syncs the affected applications after merge; a bad manifest is"
                + " caught in review and reverted by a revert pull request.\n\n")
        .append(marker);
    String text = footprint.withFooter(body.toString(), request.agentId());
    return createOnce.create(
        () -> forge.findComment(issue, marker), () -> forge.comment(issue, text));
  }
}
