package dev.gitopscrew.config;

import java.nio.file.Path;

/** One thing wrong with a configuration file, located by JSON path and line. */
public record ConfigProblem(Severity severity, Path file, String path, int line, String message) {

  public enum Severity {
    ERROR,
    WARNING,
    NOTE
  }

  /** {@code file:line: path: message}, the form editors and terminals link to. */
  public String describe() {
    String where = file != null ? file.toString() : "<config>";
    if (line > 0) {
      where += ":" + line;
    }
    return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
