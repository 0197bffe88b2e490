package dev.gitopscrew.settings;

import dev.gitopscrew.config.ConfigException;
import dev.gitopscrew.config.ConfigLoader;
import dev.gitopscrew.config.ConfigProblem;
import dev.gitopscrew.config.LoadedConfig;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.skill.SkillCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read at start: configuration, skills, the permission chain and the state directory.
 * Built the same way by the gateway and by every CLI command. The skills are read on first use: a
 * command that only reads the store (a session list) does not parse them.
 */
public final class CrewContext {

  private final LoadedConfig loaded;
  private final List<Path> skillDirs;
  private final Path stateDir;
  private final Map<String, String> env;
  private SkillCatalog skills;
  private PermissionChain permissions;

  private CrewContext(
      LoadedConfig loaded, List<Path> skillDirs, Path stateDir, Map<String, String> env) {
    this.loaded = loaded;
    this.skillDirs = skillDirs;
    this.stateDir = stateDir;
    this.env = env;
  }

  /** Loads the configuration; throws {@code ConfigException} on a bad file. */
  public static CrewContext load(
      Optional<Path> configFile, Optional<Path> stateDirOption, Map<String, String> env) {
    LoadedConfig loaded = new ConfigLoader(env).load(configFile);
    Path base = loaded.source().map(Path::getParent).orElse(Path.of("."));
    List<Path> skillDirs =
        loaded.config().skills().extraDirs().stream().map(d -> resolveDir(base, d)).toList();
    Path stateDir =
        stateDirOption
            .or(() -> Optional.ofNullable(env.get("CREW_STATE_DIR")).map(Path::of))
            .or(
                () ->
                    Optional.ofNullable(loaded.config().state().dir())
                        .map(d -> resolveDir(base, d)))
            .orElse(Path.of(System.getProperty("user.home"), ".gitops-crew"));
    return new CrewContext(loaded, skillDirs, stateDir.toAbsolutePath(), env);
  }

  public LoadedConfig loaded() {
    return loaded;
  }

  /** The configuration cannot be used: one error at {@code path} of the loaded file. */
  public ConfigException configError(String path, String message) {
    return new ConfigException(
        List.of(
            new ConfigProblem(
                ConfigProblem.Severity.ERROR, loaded.source().orElse(null), path, 0, message)));
  }

  public synchronized SkillCatalog skills() {
    if (skills == null) {
      skills = SkillCatalog.load(skillDirs);
    }
    return skills;
  }

  public synchronized PermissionChain permissions() {
    if (permissions == null) {
      permissions = new PermissionChain(loaded.config(), skills());
    }
    return permissions;
  }

  /**
   * Everything noticed about the configuration: the loader's errors, warnings and notes, then the
   * notes that need the loaded skills (the Discord channels left to agents the crew does not run).
   */
  public List<ConfigProblem> problems() {
    List<ConfigProblem> all = new java.util.ArrayList<>(loaded.problems());
    if (loaded.config().channels().discord().guilds().isEmpty()) {
      return all; // no channel to leave alone: the skills need not be read
    }
    permissions()
        .channelOwners()
        .all()
        .forEach(c -> all.add(dev.gitopscrew.config.ConfigNotes.note(loaded, c.path(), c.note())));
    return all;
  }

  public Path stateDir() {
    return stateDir;
  }

  public Map<String, String> env() {
    return env;
  }

  private static Path resolveDir(Path base, String dir) {
    Path p =
        Path.of(dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir);
    return p.isAbsolute() ? p : base.resolve(p).normalize();
  }
}
