package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.RepositorySpec;
import java.util.Optional;
import java.util.Set;

/**
 * The open issue an agent filed under a marker, or a new one with the agent's footprint (labels and
 * footer); never a duplicate. In a dry run nothing is created and the number is 0.
 */
final class OpenIssue {

  private final ChangeContext context;

  OpenIssue(ChangeContext context) {
    this.context = context;
  }

  ChangeOutcome.Ref run(IssueRequest request, SideEffects effects) {
    RepositorySpec spec = context.spec(request.repository());
    Forge forge = context.audited(spec, effects);
    Footprint footprint = context.footprint();
    String label = "agent:" + request.agentId();
    Optional<Issue> existing = forge.findOpenIssue(request.title(), request.marker(), label);
    if (existing.isPresent()) {
      return new ChangeOutcome.Ref(existing.get().number(), existing.get().url());
    }
    Set<String> labels =
        footprint.labels(request.agentId(), request.type(), request.priority(), request.areas());
    if (effects.dryRun()) {
      effects.preview(
          EffectKind.FORGE_ISSUE_CREATE,
          spec.name(),
          "create issue \"" + request.title() + "\" labelled " + labels);
      return new ChangeOutcome.Ref(0, "(dry run)");
    }
    String body =
        footprint.withFooter(request.body() + "\n\n" + request.marker(), request.agentId());
    Issue created =
        context
            .createOnce()
            .create(
                () -> forge.findOpenIssue(request.title(), request.marker(), label),
                () -> forge.createIssue(new NewIssue(request.title(), body, labels)));
    return new ChangeOutcome.Ref(created.number(), created.url());
  }
}
