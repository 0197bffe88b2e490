package dev.gitopscrew.release;

/**
 * The version rules an operator may set ({@code release.*} in the configuration).
 *
 * @param firstVersion the least version of a repository's first release ({@code v0.1.0})
 * @param breakingBumpsMajorBelowOne whether a breaking change below 1.0.0 goes to the next major
 *     (1.0.0); by default it bumps the minor, as 0.x means the API is not stable yet
 */
public record ReleasePolicy(String firstVersion, boolean breakingBumpsMajorBelowOne) {

  public static final String DEFAULT_FIRST_VERSION = "v0.1.0";

  public ReleasePolicy {
    firstVersion = firstVersion == null ? DEFAULT_FIRST_VERSION : firstVersion;
    if (Versions.parse(firstVersion).isEmpty()) {
      throw new IllegalArgumentException(
          "release.firstVersion must look like v1.2.3, got '" + firstVersion + "'");
    }
  }

  public static ReleasePolicy defaults() {
    return new ReleasePolicy(DEFAULT_FIRST_VERSION, false);
  }
}
