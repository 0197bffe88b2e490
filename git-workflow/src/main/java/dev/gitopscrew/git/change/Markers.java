package dev.gitopscrew.git.change;

/** Hidden HTML comments that let a retried step find what an earlier attempt made. */
final class Markers {

  private Markers() {}

  static String issue(String agentId, String typeAndSlug) {
    return "<!-- gitops-crew:issue " + agentId + " " + typeAndSlug + " -->";
  }

  static String plan(String branch) {
    return "<!-- gitops-crew:plan " + branch + " -->";
  }

  /** A report an agent keeps current, in an issue or a pull request comment. */
  static String report(String agentId, String key) {
    return "<!-- gitops-crew:report " + agentId + " " + key + " -->";
  }

  static String pullRequest(String branch) {
    return "<!-- gitops-crew:pr " + branch + " -->";
  }
}
