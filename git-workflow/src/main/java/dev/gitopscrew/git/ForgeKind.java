package dev.gitopscrew.git;

import java.util.Arrays;

/** Which forge hosts a repository, as written in the {@code git.repositories.*.forge} key. */
public enum ForgeKind {
  GITHUB("github"),
  AZURE_DEVOPS("azure-devops"),
  LOCAL("local");

  private final String configName;

  ForgeKind(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static ForgeKind fromConfig(String value) {
    return Arrays.stream(values())
        .filter(k -> k.configName.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown forge '"
                        + value
                        + "'; one of "
                        + Arrays.stream(values()).map(ForgeKind::configName).toList()));
  }
}
