package dev.gitopscrew.runtime;

import dev.gitopscrew.config.ConfigLoader;
import dev.gitopscrew.config.LoadedConfig;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.skill.SkillCatalog;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read at start: configuration, skills, the permission chain and the state directory.
 * Built the same way by the gateway and by every CLI command.
 */
public record CrewContext(
    LoadedConfig loaded,
    SkillCatalog skills,
    PermissionChain permissions,
    Path stateDir,
    Map<String, String> env) {

  /** Loads configuration and skills; throws {@code ConfigException} on a bad file. */
  public static CrewContext load(
      Optional<Path> configFile, Optional<Path> stateDirOption, Map<String, String> env) {
    LoadedConfig loaded = new ConfigLoader(env).load(configFile);
    Path base = loaded.source().map(Path::getParent).orElse(Path.of("."));
    SkillCatalog skills =
        SkillCatalog.load(
            loaded.config().skills().extraDirs().stream().map(d -> resolveDir(base, d)).toList());
    Path stateDir =
        stateDirOption
            .or(() -> Optional.ofNullable(env.get("CREW_STATE_DIR")).map(Path::of))
            .or(
                () ->
                    Optional.ofNullable(loaded.config().state().dir())
                        .map(d -> resolveDir(base, d)))
            .orElse(Path.of(System.getProperty("user.home"), ".gitops-crew"));
    return new CrewContext(
        loaded,
        skills,
        new PermissionChain(loaded.config(), skills),
        stateDir.toAbsolutePath(),
        env);
  }

  private static Path resolveDir(Path base, String dir) {
    Path p =
        Path.of(dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir);
    return p.isAbsolute() ? p : base.resolve(p).normalize();
  }
}
