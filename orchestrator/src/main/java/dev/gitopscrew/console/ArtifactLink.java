package dev.gitopscrew.console;

/**
 * Where an audit record's artifact can be opened: GitHub and Azure DevOps record the web address of
 * the issue, pull request or release they wrote; the local forge's {@code local://} artifacts and
 * commit ids have no page of their own.
 */
final class ArtifactLink {

  private ArtifactLink() {}

  /** The artifact's address when it is one, else null. */
  static String href(String artifact) {
    if (artifact == null) {
      return null;
    }
    String a = artifact.strip();
    return (a.startsWith("https://") || a.startsWith("http://")) && !a.contains(" ") ? a : null;
  }
}
