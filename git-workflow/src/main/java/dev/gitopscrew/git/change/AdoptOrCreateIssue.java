package dev.gitopscrew.git.change;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.LabelScheme;
import dev.gitopscrew.git.RefNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Step 1: adopt the issue the request names (reopening it when closed, adding the footprint labels
 * it lacks, replacing another type label, putting it in the next release's milestone when it has
 * none), or the open issue an earlier attempt made, or create one in that milestone; never a
 * duplicate.
 */
final class AdoptOrCreateIssue {

  /**
   * The issue, whether it existed before this change, and what adopting it changed that the plan
   * comment says (reopened, type replaced).
   */
  record Result(Issue issue, boolean adopted, List<String> notes) {}

  private final Forge forge;
  private final Footprint footprint;
  private final CreateOnce createOnce;
  private final Supplier<Optional<Milestone>> nextMilestone;

  /**
   * @param nextMilestone the milestone the next release cuts, read only when needed
   */
  AdoptOrCreateIssue(
      Forge forge,
      Footprint footprint,
      CreateOnce createOnce,
      Supplier<Optional<Milestone>> nextMilestone) {
    this.forge = forge;
    this.footprint = footprint;
    this.createOnce = createOnce;
    this.nextMilestone = nextMilestone;
  }

  Result run(ChangeRequest request, Set<String> labels) {
    if (request.issue() != null) {
      List<String> notes = new ArrayList<>();
      Issue named = reopened(forge.issue(request.issue()), notes);
      return new Result(inMilestone(withLabels(named, labels, notes)), true, notes);
    }
    String marker =
        Markers.issue(
            request.agentId(), request.type().id() + "/" + RefNames.slug(request.title()));
    String agentLabel = LabelScheme.AGENT + request.agentId();
    Optional<Issue> existing = forge.findOpenIssue(request.title(), marker, agentLabel);
    if (existing.isPresent()) {
      List<String> notes = new ArrayList<>();
      return new Result(inMilestone(withLabels(existing.get(), labels, notes)), true, notes);
    }
    String body = footprint.withFooter(request.summary() + "\n\n" + marker, request.agentId());
    Milestone milestone = nextMilestone.get().orElse(null);
    Issue created =
        createOnce.create(
            () -> forge.findOpenIssue(request.title(), marker, agentLabel),
            () -> forge.createIssue(new NewIssue(request.title(), body, labels, milestone)));
    if (milestone != null && created.milestone() == null) {
      created = created.withMilestone(milestone.title());
    }
    return new Result(created, false, List.of());
  }

  /** A closed issue is reopened, or the change stops saying why; never worked on while closed. */
  private Issue reopened(Issue issue, List<String> notes) {
    if (issue.open()) {
      return issue;
    }
    try {
      forge.reopenIssue(issue.number());
    } catch (ForgeException e) {
      throw new GitWorkflowException(
          "issue #"
              + issue.number()
              + " is closed and the forge would not reopen it ("
              + e.getMessage()
              + "); reopen it yourself or name an open issue");
    }
    notes.add("This issue was closed: reopened to work on it.");
    return new Issue(
        issue.number(),
        issue.title(),
        issue.body(),
        issue.url(),
        true,
        issue.labels(),
        issue.milestone());
  }

  /**
   * Adds the footprint labels the issue lacks in one write. An issue keeps exactly one type label:
   * another is replaced (the labels are set in one write, and the plan comment says so). A priority
   * the issue has already is the person's choice and is kept.
   */
  private Issue withLabels(Issue issue, Set<String> labels, List<String> notes) {
    LabelScheme scheme = footprint.scheme();
    Set<String> wanted = new LinkedHashSet<>(labels);
    if (issue.labels().stream().anyMatch(scheme::isPriority)) {
      wanted.removeIf(l -> scheme.isPriority(l) && !issue.labels().contains(l));
    }
    List<String> otherTypes =
        issue.labels().stream()
            .filter(l -> scheme.isType(l) && !wanted.contains(l))
            .sorted()
            .toList();
    Set<String> missing = new LinkedHashSet<>(wanted);
    missing.removeAll(issue.labels());
    if (missing.isEmpty() && otherTypes.isEmpty()) {
      return issue;
    }
    Set<String> all = new LinkedHashSet<>(issue.labels());
    all.addAll(missing);
    if (otherTypes.isEmpty()) {
      forge.addLabels(issue.number(), missing);
    } else {
      otherTypes.forEach(all::remove);
      forge.setLabels(issue.number(), all);
      String type = wanted.stream().filter(scheme::isType).findFirst().orElse("");
      notes.add(
          "Its type label "
              + String.join(", ", otherTypes)
              + " is replaced by "
              + type
              + ": an issue keeps exactly one type.");
    }
    return issue.withLabels(all);
  }

  /** An issue in no milestone goes in the one the next release cuts, when one is open. */
  private Issue inMilestone(Issue issue) {
    if (issue.milestone() != null) {
      return issue;
    }
    Optional<Milestone> next = nextMilestone.get();
    Optional<MilestonesAndReleases> releases = forge.releases();
    if (next.isEmpty() || releases.isEmpty()) {
      return issue;
    }
    releases.get().setMilestone(issue.number(), next.get());
    return issue.withMilestone(next.get().title());
  }
}
