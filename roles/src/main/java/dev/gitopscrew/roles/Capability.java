package dev.gitopscrew.roles;

/**
 * Whether an integration an action needs is set up, and if not, the fix in one sentence: {@code
 * Kubernetes}, not configured, {@code set KUBECONFIG or run in a cluster ...}.
 */
public record Capability(String name, boolean configured, String fix) {

  public static Capability configured(String name) {
    return new Capability(name, true, "");
  }

  public static Capability missing(String name, String fix) {
    return new Capability(name, false, fix);
  }

  /** Fails the action when the capability is missing. */
  public void require() {
    if (!configured) {
      throw ActionFailedException.notConfigured(this);
    }
  }
}
