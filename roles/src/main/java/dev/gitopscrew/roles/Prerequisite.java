package dev.gitopscrew.roles;

/**
 * Whether an integration an action needs is set up, and if not, the fix in one sentence: {@code
 * Kubernetes}, not configured, {@code set KUBECONFIG or run in a cluster ...}.
 */
public record Prerequisite(String name, boolean configured, String fix) {

  public static Prerequisite configured(String name) {
    return new Prerequisite(name, true, "");
  }

  public static Prerequisite missing(String name, String fix) {
    return new Prerequisite(name, false, fix);
  }

  /** Fails the action when the capability is missing. */
  public void require() {
    if (!configured) {
      throw ActionFailedException.notConfigured(this);
    }
  }
}
