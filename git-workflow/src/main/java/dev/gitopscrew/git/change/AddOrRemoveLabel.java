package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.git.RepositorySpec;

/** A label added to a pull request or removed from it, audited; in a dry run, its preview. */
final class AddOrRemoveLabel {

  private final ChangeContext context;

  AddOrRemoveLabel(ChangeContext context) {
    this.context = context;
  }

  void run(String repository, int number, String label, boolean remove, SideEffects effects) {
    RepositorySpec spec = context.spec(repository);
    Forge forge = context.audited(spec, effects);
    if (effects.dryRun()) {
      effects.preview(
          remove ? EffectKind.FORGE_LABELS_REMOVE : EffectKind.FORGE_LABELS_ADD,
          spec.name() + "#" + number,
          (remove ? "remove label " : "add label ") + label);
      return;
    }
    if (remove) {
      forge.removePullRequestLabel(number, label);
    } else {
      forge.addPullRequestLabel(number, label);
    }
  }
}
