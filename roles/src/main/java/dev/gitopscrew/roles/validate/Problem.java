package dev.gitopscrew.roles.validate;

/**
 * One thing a check found in a change.
 *
 * @param check the check's id ({@code kustomize}, {@code secrets}...)
 * @param error true when it fails the validation, false for a warning
 * @param line the 1-based line, or 0 for the whole file
 */
public record Problem(String check, boolean error, String path, int line, String message) {

  public String where() {
    return line > 0 ? path + ":" + line : path;
  }

  /** {@code error kustomize k8s/apps/web/kustomization.yaml:6 resources entry ...}. */
  public String describe() {
    return (error ? "error " : "warning ") + check + " " + where() + " " + message;
  }
}
