package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.git.RepositorySpec;

/** A comment with the agent's footer on an issue or pull request; in a dry run, its preview. */
final class PostComment {

  private final ChangeContext context;

  PostComment(ChangeContext context) {
    this.context = context;
  }

  void run(String repository, int number, String agentId, String body, SideEffects effects) {
    RepositorySpec spec = context.spec(repository);
    Forge forge = context.audited(spec, effects);
    if (effects.dryRun()) {
      effects.preview(EffectKind.FORGE_COMMENT_CREATE, spec.name() + "#" + number, "comment");
      return;
    }
    forge.comment(number, context.footprint().withFooter(body, agentId));
  }
}
