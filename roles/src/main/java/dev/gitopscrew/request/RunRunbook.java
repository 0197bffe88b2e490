package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Running a declared runbook for an Argo CD application (devops-sre).
 *
 * @param namespace where the Application object lives (default {@code argocd})
 */
@JsonTypeName("runbook")
public record RunRunbook(String runbook, String application, String namespace, boolean dryRun)
    implements Request, DryRunnable {

  public RunRunbook {
    Names.k8s("runbook", runbook);
    Names.k8s("application", application);
    namespace = Names.k8s("namespace", namespace == null ? "argocd" : namespace);
  }

  @Override
  public String describe() {
    return "runbook " + runbook + " for " + application + (dryRun ? " (dry run)" : "");
  }

  @Override
  public RunRunbook withDryRun() {
    return new RunRunbook(runbook, application, namespace, true);
  }
}
