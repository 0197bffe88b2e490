package dev.gitopscrew.git.change;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.RefNames;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Step 1: adopt the issue the request names (adding the footprint labels it lacks), or the open
 * issue an earlier attempt made, or create one; never a duplicate.
 */
final class AdoptOrCreateIssue {

  /** The issue, and whether it existed before this change. */
  record Result(Issue issue, boolean adopted) {}

  private final Forge forge;
  private final Footprint footprint;
  private final CreateOnce createOnce;

  AdoptOrCreateIssue(Forge forge, Footprint footprint, CreateOnce createOnce) {
    this.forge = forge;
    this.footprint = footprint;
    this.createOnce = createOnce;
  }

  Result run(ChangeRequest request, Set<String> labels) {
    if (request.issue() != null) {
      return new Result(withLabels(forge.issue(request.issue()), labels), true);
    }
    String marker =
        Markers.issue(
            request.agentId(), request.type().id() + "/" + RefNames.slug(request.title()));
    String agentLabel = "agent:" + request.agentId();
    Optional<Issue> existing = forge.findOpenIssue(request.title(), marker, agentLabel);
    if (existing.isPresent()) {
      return new Result(withLabels(existing.get(), labels), true);
    }
    String body = footprint.withFooter(request.summary() + "\n\n" + marker, request.agentId());
    Issue created =
        createOnce.create(
            () -> forge.findOpenIssue(request.title(), marker, agentLabel),
            () -> forge.createIssue(new NewIssue(request.title(), body, labels)));
    return new Result(created, false);
  }

  private Issue withLabels(Issue issue, Set<String> labels) {
    Set<String> missing = new LinkedHashSet<>(labels);
    missing.removeAll(issue.labels());
    if (missing.isEmpty()) {
      return issue;
    }
    forge.addLabels(issue.number(), missing);
    Set<String> all = new LinkedHashSet<>(issue.labels());
    all.addAll(missing);
    return new Issue(
        issue.number(),
        issue.title(),
        issue.body(),
        issue.url(),
        issue.open(),
        all,
        issue.milestone());
  }
}
