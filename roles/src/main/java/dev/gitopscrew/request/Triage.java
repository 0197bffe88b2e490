package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** What is wrong with an Argo CD application, and its last merges (qa-tester). */
@JsonTypeName("triage")
public record Triage(String application, String namespace) implements Request {

  public Triage {
    Names.k8s("application", application);
    namespace = Names.k8s("namespace", namespace == null ? "argocd" : namespace);
  }

  @Override
  public String describe() {
    return "triage " + application + " in " + namespace;
  }
}
