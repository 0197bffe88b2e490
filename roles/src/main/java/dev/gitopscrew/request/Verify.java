package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Post-merge or post-rollback verification of an Argo CD application (qa-tester). */
@JsonTypeName("verify")
public record Verify(String application, String namespace) implements Request {

  public Verify {
    Names.k8s("application", application);
    namespace = Names.k8s("namespace", namespace == null ? "argocd" : namespace);
  }

  @Override
  public String describe() {
    return "verify " + application + " in " + namespace;
  }
}
