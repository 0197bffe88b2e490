package dev.gitopscrew.roles.validate;

/** The pre-merge checks, in the order they run and are reported. */
public enum Check {
  YAML("yaml", "YAML parses"),
  KUSTOMIZE("kustomize", "every Kustomize entry exists"),
  ARGOCD_PATHS("argocd-paths", "every Argo CD source path exists"),
  NAMESPACES("namespaces", "namespaces exist or are created"),
  LABELS("labels", "required labels are set"),
  SECRETS("secrets", "no secrets in the diff"),
  SCAN("scan", "scan rules on the changed objects");

  private final String id;
  private final String title;

  Check(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }
}
