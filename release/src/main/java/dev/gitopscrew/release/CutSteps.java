package dev.gitopscrew.release;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.AuditedForge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.NewRelease;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.forge.ReleaseNotes;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The steps of a cut, in order, each done only when the plan found it not done: put the orphans in
 * the milestone (creating it when there is none), push the annotated tag, rename and close the
 * milestone, open the next one, publish the release (last, so that a published release means the
 * whole cut is done). A cut that stops anywhere is finished by running it again.
 */
final class CutSteps {

  private CutSteps() {}

  /** Where a renamed milestone keeps its old title, so that a rerun naming it still finds it. */
  static String renamedFrom(String title) {
    return "Renamed from " + title + " ";
  }

  static List<Plan.Step> describe(Situation s, String version, String target, Footprint footprint) {
    List<Plan.Step> steps = new ArrayList<>();
    String branch = s.spec().defaultBranch();
    Milestone m = s.milestone();
    boolean keeps = s.keepsReleases();
    if (keeps && m == null) {
      steps.add(new Plan.Step("milestone", false, "create milestone " + version));
    }
    if (keeps && !s.orphans().isEmpty()) {
      steps.add(
          new Plan.Step(
              "assign",
              false,
              "put "
                  + numbers(s.orphans())
                  + " (merged with no milestone) in milestone "
                  + (m == null ? version : m.title())));
    }
    steps.add(
        s.tagged()
            ? new Plan.Step(
                "tag",
                true,
                version + " is on " + branch + " at " + ReleaseContent.shortSha(target))
            : new Plan.Step(
                "tag",
                false,
                "tag "
                    + ReleaseContent.shortSha(target)
                    + " (the head of "
                    + branch
                    + ") as "
                    + version
                    + ", annotated, by "
                    + footprint.authorName(ReleaseWorkflow.AGENT)
                    + (keeps ? "" : ", the release notes in its message")));
    if (!keeps) {
      return steps;
    }
    if (m != null && !m.open() && m.title().equals(version)) {
      steps.add(new Plan.Step("close", true, "milestone " + version + " is closed"));
    } else if (m != null && !m.title().equals(version)) {
      steps.add(
          new Plan.Step(
              "close",
              false,
              "rename milestone " + m.title() + " to " + version + " and close it"));
    } else {
      steps.add(new Plan.Step("close", false, "close milestone " + version));
    }
    String next = Versions.tag(Versions.parse(version).orElseThrow().nextPatch());
    steps.add(
        s.nextMilestoneExists()
            ? new Plan.Step("next", true, "milestone " + next + " exists for the next release")
            : new Plan.Step(
                "next",
                false,
                "open milestone " + next + " for the next release (renamed when it is cut)"));
    Release r = s.release();
    if (r != null && !r.draft()) {
      steps.add(new Plan.Step("release", true, "release " + version + " is published: " + r.url()));
    } else if (r != null) {
      steps.add(
          new Plan.Step(
              "release",
              false,
              "publish the draft release \""
                  + r.name()
                  + "\" ("
                  + (r.body().isBlank() ? "notes generated" : "its notes kept")
                  + "), marked latest"));
    } else {
      steps.add(
          new Plan.Step(
              "release",
              false,
              "publish release "
                  + version
                  + " with notes "
                  + (s.previous() == null ? "of everything so far" : "since " + s.previous())
                  + ", marked latest"));
    }
    return steps;
  }

  /** Records each step still to do as a preview: what the cut would write. */
  static void preview(Situation s, SideEffects effects) {
    String repo = s.spec().name();
    for (Plan.Step step : s.plan().todo()) {
      EffectKind kind =
          switch (step.name()) {
            case "tag" -> EffectKind.GIT_TAG;
            case "release" -> EffectKind.FORGE_RELEASE;
            default -> EffectKind.FORGE_MILESTONE;
          };
      effects.preview(kind, repo + " " + step.name() + " " + s.version(), step.what());
    }
  }

  /** Does every step not done yet; returns what changed, one line each. */
  static List<String> perform(Situation s, SideEffects effects, Footprint footprint) {
    List<String> changes = new ArrayList<>();
    String version = s.version();
    String repo = s.spec().name();
    // null on a forge without milestones and releases: the cut is its tag
    MilestonesAndReleases releases =
        AuditedForge.wrap(s.forge(), effects, repo).releases().orElse(null);
    String step = "milestone";
    try {
      Milestone m = s.milestone();
      if (releases != null) {
        if (m == null) {
          m =
              releases.createMilestone(
                  version,
                  "Release " + version + " of " + repo + ", cut by " + ReleaseWorkflow.AGENT + ".");
          changes.add("milestone " + version + " created");
        }
        step = "assign";
        for (int number : s.orphans()) {
          releases.setMilestone(number, m);
        }
        if (!s.orphans().isEmpty()) {
          changes.add(numbers(s.orphans()) + " put in milestone " + m.title());
        }
      }
      step = "tag";
      if (!s.tagged()) {
        String target = s.plan().commit();
        Tag tag =
            effects.perform(
                EffectKind.GIT_TAG,
                repo + ":" + version,
                () ->
                    s.tags()
                        .push(
                            version,
                            target,
                            footprint,
                            ReleaseWorkflow.AGENT,
                            Notes.tagMessage(s, version)),
                t -> t.name() + " -> " + t.commit());
        changes.add(
            "tag "
                + version
                + " pushed: "
                + ReleaseContent.shortSha(tag.commit())
                + " (the head of "
                + s.spec().defaultBranch()
                + "), annotated by "
                + footprint.authorName(ReleaseWorkflow.AGENT));
      }
      if (releases == null) {
        return changes;
      }
      step = "close";
      if (m.open() || !m.title().equals(version)) {
        boolean rename = !m.title().equals(version);
        String description =
            rename
                ? (renamedFrom(m.title())
                        + "when "
                        + version
                        + " was cut by "
                        + ReleaseWorkflow.AGENT
                        + ": its pull requests ask for "
                        + version
                        + ".\n\n"
                        + m.description())
                    .strip()
                : m.description();
        releases.updateMilestone(m, version, description, false);
        changes.add(
            rename
                ? "milestone " + m.title() + " renamed to " + version + " and closed"
                : "milestone " + version + " closed");
      }
      step = "next";
      if (!s.nextMilestoneExists()) {
        String next = s.nextMilestone();
        releases.createMilestone(
            next,
            "The release after "
                + version
                + "; renamed when it is cut if its pull requests ask for more than a patch.");
        changes.add("milestone " + next + " open for the next release");
      }
      step = "release";
      Release r = s.release();
      if (r == null || r.draft()) {
        String body =
            r != null && !r.body().isBlank()
                ? r.body()
                : releases
                    .generateNotes(version, s.plan().commit(), s.previous())
                    .map(ReleaseNotes::body)
                    .orElseGet(() -> Notes.of(s, version));
        NewRelease wanted = new NewRelease(version, s.plan().commit(), version, body, true);
        Release made =
            r == null ? releases.createRelease(wanted) : releases.updateRelease(r, wanted);
        changes.add(
            (r == null ? "release " : "draft release ")
                + version
                + " published, marked latest: "
                + made.url());
      }
      return changes;
    } catch (ForgeException | GitWorkflowException | SideEffects.EffectFailedException e) {
      throw new ReleaseException(
          "the cut of "
              + version
              + " stopped at step "
              + step
              + ": "
              + e.getMessage()
              + (changes.isEmpty() ? "" : " (done before it: " + String.join("; ", changes) + ")")
              + ". What is done stays done: run the cut again to finish it.");
    }
  }

  static String numbers(List<Integer> numbers) {
    return numbers.stream().map(n -> "#" + n).collect(Collectors.joining(", "));
  }
}
