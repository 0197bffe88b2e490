package dev.gitopscrew.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A configuration as loaded: where from (empty for the embedded defaults) and what was noticed. */
public record LoadedConfig(Optional<Path> source, CrewConfig config, List<ConfigProblem> problems) {

  public LoadedConfig {
    problems = List.copyOf(problems);
  }

  public static LoadedConfig embeddedDefaults() {
    return new LoadedConfig(Optional.empty(), CrewConfig.defaults(), List.of());
  }

  public String describeSource() {
    return source.map(Path::toString).orElse("embedded defaults (no configuration file)");
  }
}
