package dev.gitopscrew.cli;

import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --state-dir}, which every command takes. */
public final class ContextOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "configuration file (JSON or YAML); default $CREW_CONFIG, then ~/.gitops-crew/crew.json")
  Path config;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "state directory; default $CREW_STATE_DIR, then ~/.gitops-crew")
  Path stateDir;

  private CrewContext loaded;

  /** The context of this command line, loaded once: a command that asks twice reads it once. */
  CrewContext load(Map<String, String> env) {
    if (loaded == null || !loaded.env().equals(env)) {
      loaded = CrewContext.load(Optional.ofNullable(config), Optional.ofNullable(stateDir), env);
    }
    return loaded;
  }
}
