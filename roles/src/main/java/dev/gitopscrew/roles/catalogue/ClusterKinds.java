package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.request.Alert;
import dev.gitopscrew.request.ClusterAction;
import dev.gitopscrew.request.Drift;
import dev.gitopscrew.request.Kube;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.request.RunRunbook;
import dev.gitopscrew.request.Triage;
import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import java.util.List;

/**
 * The kinds that act on the cluster and on Argo CD: devops-sre's, qa-tester's checks, incidents.
 */
final class ClusterKinds {

  private ClusterKinds() {}

  static final String NO_REPOSITORY =
      "it acts on the cluster, not on this pull request's repository";

  static List<RequestKind> all() {
    return List.of(
        RequestKind.named("restart", "Rollout-restart a deployment or statefulset.")
            .needs("a workload", "restart deployment/grafana in monitoring")
            .fields(workload(), namespace(), dryRun())
            .owner(KnownAgent.DEVOPS_SRE, Tool.CLUSTER_RESTART)
            .writes()
            .builds(
                ClusterAction.class,
                v -> new ClusterAction("restart", workload(v), null, v.flag("dryRun"))),
        RequestKind.named("scale", "Scale a deployment or statefulset.")
            .needs("a workload and a count", "scale deployment/grafana to 2 in apps")
            .fields(
                workload(),
                Field.number("replicas", "the replica count", "2", 0, 9999).after("to"),
                namespace(),
                dryRun())
            .owner(KnownAgent.DEVOPS_SRE, Tool.CLUSTER_SCALE)
            .writes()
            .approval("when it scales to zero")
            .builds(
                ClusterAction.class,
                v ->
                    new ClusterAction(
                        "scale", workload(v), v.number("replicas"), v.flag("dryRun"))),
        object(
            "force-sync",
            "Make External Secrets refresh an ExternalSecret now.",
            "externalsecret",
            "externalSecret",
            Tool.SECRET_FORCE_SYNC,
            null),
        object(
            "hard-refresh",
            "Hard-refresh an Argo CD Application.",
            "application",
            "application",
            Tool.ARGOCD_REFRESH,
            null),
        object(
            "cancel-sync",
            "Cancel a stuck Argo CD sync operation.",
            "application",
            "application",
            Tool.ARGOCD_CANCEL_SYNC,
            null),
        object(
            "delete-pod", "Delete a stuck pod.", "pod", "pod", Tool.CLUSTER_DELETE_POD, "always"),
        RequestKind.named(
                "kube", "Read cluster objects through the guard: get or list a type, a pod's logs.")
            .needs("a verb and a resource", "kube get pods in monitoring")
            .fields(
                Field.choice("verb", "what to do", Kube.VERBS.toArray(String[]::new)),
                Field.word("resource", "the resource type, like pods or deployments", "pods"),
                Field.word("name", "an object's name", "grafana-0").optional(),
                namespace(),
                Field.flag("previous", "previous", "logs of the previous container"))
            .owner(KnownAgent.DEVOPS_SRE, Tool.CLUSTER_READ)
            .builds(
                Kube.class,
                v ->
                    new Kube(
                        v.text("verb"),
                        v.text("resource"),
                        v.optText("name"),
                        v.optText("namespace"),
                        v.flag("previous"))),
        RequestKind.named(
                "drift",
                "Argo CD applications out of sync or unhealthy, and what changed since the last"
                    + " run.")
            .needs("nothing, or a namespace", "drift")
            .fields(
                Field.word(
                        "namespace", "the Applications' namespace (default: every one)", "argocd")
                    .after("in", "-n")
                    .optional())
            .owner(KnownAgent.DEVOPS_SRE, Tool.CLUSTER_READ)
            .builds(Drift.class, v -> new Drift(v.optText("namespace"))),
        RequestKind.named("runbook", "Run a declared incident runbook for an application.")
            .needs("a name and an application", "runbook restart-crash-loop for grafana")
            .fields(
                Field.word("runbook", "the runbook's name", "restart-crash-loop"),
                application().after("for"),
                argoNamespace(),
                dryRun())
            .owner(KnownAgent.DEVOPS_SRE, Tool.RUNBOOK_RUN)
            .writes()
            .approval("when a step of the runbook needs one")
            .builds(
                RunRunbook.class,
                v ->
                    new RunRunbook(
                        v.text("runbook"),
                        v.text("application"),
                        v.optText("namespace"),
                        v.flag("dryRun"))),
        RequestKind.named(
                "verify", "Check an application is synced, healthy, rolled out, answering.")
            .needs("an Argo CD application", "verify grafana in argocd")
            .fields(
                application(),
                argoNamespace(),
                Field.number("wait", "seconds to wait for it to settle", "120", 0, 9999)
                    .after("wait")
                    .optional())
            .owner(KnownAgent.QA_TESTER, Tool.VERIFY_DEPLOYMENT)
            .builds(
                Verify.class,
                v ->
                    new Verify(
                        v.text("application"),
                        v.optText("namespace"),
                        v.optNumber("wait") == null ? 0 : v.number("wait"))),
        RequestKind.named(
                "triage", "What is wrong with an application: health, pods, events, logs, merges.")
            .needs("an Argo CD application", "triage grafana in argocd")
            .fields(application(), argoNamespace())
            .owner(KnownAgent.QA_TESTER, Tool.INCIDENT_TRIAGE)
            .builds(Triage.class, v -> new Triage(v.text("application"), v.optText("namespace"))),
        RequestKind.named(
                "incident", "Respond to an incident: triage, a runbook if one matches, a report.")
            .needs("an Argo CD application", "incident grafana in argocd")
            .fields(application(), argoNamespace())
            .owner(KnownAgent.HOMELAB_ADMIN, Tool.INCIDENT_TRIAGE)
            .writes()
            .approval("when the runbook it chooses needs one")
            .builds(
                Alert.class,
                v ->
                    new Alert(
                        v.text("application"), v.optText("namespace"), "manual", null, null)));
  }

  /** A cluster action on one object, named as KIND/NAME or by its name alone. */
  private static RequestKind object(
      String action, String summary, String kind, String field, Tool tool, String approval) {
    RequestKind.Builder b =
        RequestKind.named(action, summary)
            .needs(
                "an object",
                action
                    + " "
                    + kind
                    + "/grafana in "
                    + (kind.equals("application") ? "argocd" : "monitoring"))
            .fields(
                Field.word(field, "the " + kind + "'s name (or " + kind + "/NAME)", "grafana"),
                kind.equals("application")
                    ? Field.word("namespace", "the Application's namespace, like argocd", "argocd")
                        .after("in", "-n")
                        .optional()
                    : namespace(),
                dryRun())
            .owner(KnownAgent.DEVOPS_SRE, tool)
            .writes();
    if (approval != null) {
      b.approval(approval);
    }
    return b.builds(
        ClusterAction.class,
        v -> {
          String target = v.text(field);
          String ref = target.contains("/") ? target : kind + "/" + target;
          return new ClusterAction(
              action, ObjectRef.parse(ref, v.optText("namespace")), null, v.flag("dryRun"));
        });
  }

  private static Field workload() {
    return Field.word(
        "workload", "KIND/NAME, or a deployment's name: deployment/grafana", "deployment/grafana");
  }

  /** A workload: {@code kind/name}, or a bare name meaning a deployment. */
  private static ObjectRef workload(Values v) {
    String target = v.text("workload");
    return ObjectRef.parse(
        target.contains("/") ? target : "deployment/" + target, v.optText("namespace"));
  }

  static Field namespace() {
    return Field.word("namespace", "the namespace", "monitoring").after("in", "-n").optional();
  }

  private static Field argoNamespace() {
    return Field.word("namespace", "Argo CD's namespace (default argocd)", "argocd")
        .after("in", "-n")
        .optional();
  }

  private static Field application() {
    return Field.word("application", "the Argo CD Application's name", "grafana");
  }

  static Field dryRun() {
    return Field.dryRun("only say what would change");
  }
}
