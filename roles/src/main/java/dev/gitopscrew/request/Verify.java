package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Post-merge or post-rollback verification of an Argo CD application (qa-tester).
 *
 * @param namespace where the Application object lives (default {@code argocd})
 * @param waitSeconds how long to keep checking until every check passes (0: check once)
 */
@JsonTypeName("verify")
public record Verify(String application, String namespace, int waitSeconds) implements Request {

  public Verify {
    Names.k8s("application", application);
    namespace = Names.k8s("namespace", namespace == null ? "argocd" : namespace);
    Names.number("wait", waitSeconds, 0, 3600);
  }

  @Override
  public String describe() {
    return "verify "
        + application
        + " in "
        + namespace
        + (waitSeconds > 0 ? " (up to " + waitSeconds + " s)" : "");
  }
}
