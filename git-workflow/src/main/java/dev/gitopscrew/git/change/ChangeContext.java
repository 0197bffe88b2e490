package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.AuditedForge;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import java.util.Map;
import java.util.function.Function;

/**
 * What every step of the change workflow shares: the agents' footprint, the cached clones, the
 * configured repositories by name, the forge adapter of a repository, and how a forge write is made
 * once.
 */
record ChangeContext(
    Footprint footprint,
    MirrorCache mirrors,
    Map<String, RepositorySpec> repositories,
    Function<RepositorySpec, Forge> forges,
    CreateOnce createOnce) {

  ChangeContext {
    repositories = Map.copyOf(repositories);
  }

  /** The configured repository named {@code repository}; an unknown name is refused. */
  RepositorySpec spec(String repository) {
    RepositorySpec spec = repositories.get(repository);
    if (spec == null) {
      throw new IllegalArgumentException(unknown(repository));
    }
    return spec;
  }

  /** Says that no repository of this name is configured, and which are. */
  String unknown(String repository) {
    return "no repository named '"
        + repository
        + "' is configured; known: "
        + repositories.keySet().stream().sorted().toList();
  }

  /** The repository's forge adapter, unaudited: for reads. */
  Forge forge(RepositorySpec spec) {
    return forges.apply(spec);
  }

  /** The repository's forge adapter with every write through {@code effects}. */
  Forge audited(RepositorySpec spec, SideEffects effects) {
    return AuditedForge.wrap(forges.apply(spec), effects, spec.name());
  }

  /** The cached clone of the repository, with the credentials of its forge. */
  Mirror mirror(RepositorySpec spec) {
    return mirror(spec, forges.apply(spec));
  }

  /** The cached clone of the repository, with the credentials of {@code forge}. */
  Mirror mirror(RepositorySpec spec, Forge forge) {
    return mirrors.open(spec, forge.gitCredentials());
  }

  static String nothingToChange(RepositorySpec spec) {
    return "the files already have this content on " + spec.defaultBranch() + "; nothing to change";
  }
}
