package dev.gitopscrew.config;

import java.util.List;

/** The configuration cannot be used; the process must stop with status 2. */
public class ConfigException extends RuntimeException {

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::describe).reduce((a, b) -> a + "\n" + b).orElse(""));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
