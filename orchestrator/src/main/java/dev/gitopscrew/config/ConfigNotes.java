package dev.gitopscrew.config;

import dev.gitopscrew.config.ConfigProblem.Severity;
import java.nio.file.Path;

/**
 * Notes on a loaded configuration that need more than the file (the skills it loads): located by
 * path and line like the loader's own, so {@code crew config validate}, {@code crew doctor} and the
 * gateway's log show them the same way.
 */
public final class ConfigNotes {

  private ConfigNotes() {}

  public static ConfigProblem note(LoadedConfig loaded, String path, String message) {
    Path file = loaded.source().orElse(null);
    int line = file == null ? 0 : LineIndex.of(file, ConfigLoader.mapperFor(file)).lineOf(path);
    return new ConfigProblem(Severity.NOTE, file, path, line, message);
  }
}
