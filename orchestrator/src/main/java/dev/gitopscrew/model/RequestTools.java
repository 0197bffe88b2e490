package dev.gitopscrew.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.request.ClusterAction;
import dev.gitopscrew.request.Edit;
import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.request.Kube;
import dev.gitopscrew.request.Merge;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RunRunbook;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Severity;
import dev.gitopscrew.request.Triage;
import dev.gitopscrew.request.Validate;
import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.Tool;
import java.util.List;
import java.util.Optional;

/**
 * The functions a model may call, one per typed request the crew takes, each with the tool the
 * permission chain must grant and its parameters as JSON Schema. A call's arguments become the
 * typed request through the request's own constructor, so a model's request is validated exactly
 * like a person's; nothing else can come out of a tool call.
 */
public final class RequestTools {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One function: its name, what it does, the tool it needs and how its arguments are read. */
  public record Function(
      String name,
      String description,
      Tool tool,
      Class<? extends Request> kind,
      ObjectNode parameters,
      Reader reader) {
    public ToolSpec spec() {
      return new ToolSpec(name, description, parameters);
    }

    public Request request(JsonNode arguments) {
      return reader.read(new ToolArguments(arguments));
    }
  }

  /** Reads a function's arguments into its typed request. */
  @FunctionalInterface
  public interface Reader {
    Request read(ToolArguments args);
  }

  public static final List<Function> ALL =
      List.of(
          cluster(
              "restart_workload",
              "Rollout-restart a deployment or statefulset.",
              "restart",
              Tool.CLUSTER_RESTART,
              "workload",
              "KIND/NAME, like deployment/grafana"),
          new Function(
              "scale_workload",
              "Scale a deployment or statefulset; scaling to zero waits for a person's approval.",
              Tool.CLUSTER_SCALE,
              ClusterAction.class,
              schema(
                  List.of("workload", "replicas"),
                  str("workload", "KIND/NAME, like deployment/grafana"),
                  str("namespace", "the namespace"),
                  num("replicas", "the replica count"),
                  bool("dryRun", "only say what would change")),
              a ->
                  new ClusterAction(
                      "scale",
                      ObjectRef.parse(a.text("workload"), a.optText("namespace")),
                      a.number("replicas"),
                      a.flag("dryRun"))),
          cluster(
              "force_sync_external_secret",
              "Make External Secrets refresh an ExternalSecret now.",
              "force-sync",
              Tool.SECRET_FORCE_SYNC,
              "externalSecret",
              "the ExternalSecret's name"),
          cluster(
              "hard_refresh_application",
              "Hard-refresh an Argo CD Application.",
              "hard-refresh",
              Tool.ARGOCD_REFRESH,
              "application",
              "the Application's name"),
          cluster(
              "cancel_sync_operation",
              "Cancel a stuck Argo CD sync operation.",
              "cancel-sync",
              Tool.ARGOCD_CANCEL_SYNC,
              "application",
              "the Application's name"),
          cluster(
              "delete_pod",
              "Delete a stuck pod (waits for a person's approval).",
              "delete-pod",
              Tool.CLUSTER_DELETE_POD,
              "pod",
              "the pod's name"),
          new Function(
              "read_cluster",
              "Read cluster objects through the guard: get or list a resource type, or a pod's logs.",
              Tool.CLUSTER_READ,
              Kube.class,
              schema(
                  List.of("verb", "resource"),
                  choice("verb", "what to read", "get", "list", "logs"),
                  str("resource", "the resource type, like pods or deployments"),
                  str("name", "an object's name"),
                  str("namespace", "the namespace"),
                  bool("previous", "logs of the previous container")),
              a ->
                  new Kube(
                      a.oneOf("verb", "get", "list", "logs"),
                      a.text("resource"),
                      a.optText("name"),
                      a.optText("namespace"),
                      a.flag("previous"))),
          new Function(
              "triage_application",
              "What is wrong with an Argo CD application: health, sync, pods, events, logs, last merges.",
              Tool.INCIDENT_TRIAGE,
              Triage.class,
              schema(
                  List.of("application"),
                  str("application", "the Application's name"),
                  str("namespace", "Argo CD's namespace (default argocd)")),
              a -> new Triage(a.text("application"), a.optText("namespace"))),
          new Function(
              "verify_deployment",
              "Check an application is synced, healthy, rolled out and answering.",
              Tool.VERIFY_DEPLOYMENT,
              Verify.class,
              schema(
                  List.of("application"),
                  str("application", "the Application's name"),
                  str("namespace", "Argo CD's namespace (default argocd)")),
              a -> new Verify(a.text("application"), a.optText("namespace"), 0)),
          new Function(
              "run_runbook",
              "Run a declared incident runbook for an application.",
              Tool.RUNBOOK_RUN,
              RunRunbook.class,
              schema(
                  List.of("runbook", "application"),
                  str("runbook", "the runbook's name"),
                  str("application", "the Application's name"),
                  str("namespace", "Argo CD's namespace (default argocd)"),
                  bool("dryRun", "only say what would run")),
              a ->
                  new RunRunbook(
                      a.text("runbook"),
                      a.text("application"),
                      a.optText("namespace"),
                      a.flag("dryRun"))),
          new Function(
              "edit_manifest",
              "Change one manifest in a repository through an issue and a pull request: an image,"
                  + " replicas, an env value, limits or a Helm value.",
              Tool.GIT_CHANGE,
              Edit.class,
              schema(
                  List.of("repository", "object", "set", "value"),
                  str("repository", "the configured repository's name"),
                  str("object", "KIND/NAME, like deployment/whoami"),
                  str("namespace", "the object's namespace"),
                  choice(
                      "set", "what to change", "image", "replicas", "env", "limits", "helm-value"),
                  str(
                      "value",
                      "image: CONTAINER=IMAGE; replicas: N; env: CONTAINER:VAR=VALUE;"
                          + " limits: CONTAINER:cpu=500m,memory=256Mi; helm-value: KEY=VALUE"),
                  num("issue", "the issue it resolves"),
                  bool("dryRun", "only show the diff")),
              a ->
                  new Edit(
                      a.text("repository"),
                      ObjectRef.parse(a.text("object"), a.optText("namespace")),
                      EditOperation.parse(
                          a.oneOf("set", "image", "replicas", "env", "limits", "helm-value"),
                          a.text("value")),
                      a.optNumber("issue"),
                      null,
                      a.flag("dryRun"))),
          new Function(
              "scan_manifests",
              "Audit a repository's manifests and RBAC for security findings.",
              Tool.SCAN_MANIFESTS,
              Scan.class,
              schema(
                  List.of("repository"),
                  str("repository", "the configured repository's name"),
                  str("path", "a folder inside it"),
                  choice(
                      "severity", "the least severity shown", "low", "medium", "high", "critical"),
                  bool("dryRun", "write no issue and no pull request")),
              a ->
                  new Scan(
                      a.text("repository"),
                      null,
                      a.optText("path"),
                      a.optText("severity") == null ? null : Severity.parse(a.optText("severity")),
                      false,
                      a.flag("dryRun"))),
          new Function(
              "validate_change",
              "Pre-merge checks of a pull request or a branch against a base.",
              Tool.VALIDATE_CHANGE,
              Validate.class,
              schema(
                  List.of("repository"),
                  str("repository", "the configured repository's name"),
                  num("pullRequest", "the pull request's number"),
                  str("base", "the base ref")),
              a ->
                  new Validate(
                      a.text("repository"), null, a.optText("base"), a.optNumber("pullRequest"))),
          new Function(
              "plan_release",
              "The next release of a repository and why; writes nothing.",
              Tool.RELEASE_PLAN,
              ReleasePlan.class,
              schema(
                  List.of("repository"),
                  str("repository", "the configured repository's name"),
                  str("milestone", "vMAJOR.MINOR.PATCH")),
              a -> new ReleasePlan(a.text("repository"), a.optText("milestone"))),
          new Function(
              "cut_release",
              "Tag and publish a release (waits for a person's approval).",
              Tool.RELEASE_CUT,
              ReleaseCut.class,
              schema(
                  List.of("repository"),
                  str("repository", "the configured repository's name"),
                  str("milestone", "vMAJOR.MINOR.PATCH"),
                  bool("dryRun", "only say what would happen")),
              a -> new ReleaseCut(a.text("repository"), a.optText("milestone"), a.flag("dryRun"))),
          new Function(
              "merge_pull_request",
              "Merge a pull request on the local forge.",
              Tool.FORGE_MERGE,
              Merge.class,
              schema(
                  List.of("repository", "pullRequest"),
                  str("repository", "the configured repository's name"),
                  num("pullRequest", "the pull request's number")),
              a -> new Merge(a.text("repository"), a.number("pullRequest"))));

  private RequestTools() {}

  public static Optional<Function> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static Function cluster(
      String name, String description, String action, Tool tool, String field, String what) {
    return new Function(
        name,
        description,
        tool,
        ClusterAction.class,
        schema(
            List.of(field),
            str(field, what),
            str("namespace", "the namespace"),
            bool("dryRun", "only say what would change")),
        a -> {
          String target = a.text(field);
          String kind =
              switch (action) {
                case "force-sync" -> "externalsecret";
                case "hard-refresh", "cancel-sync" -> "application";
                case "delete-pod" -> "pod";
                default -> null;
              };
          ObjectRef ref =
              kind == null
                  ? ObjectRef.parse(target, a.optText("namespace"))
                  : new ObjectRef(kind, target, a.optText("namespace"));
          return new ClusterAction(action, ref, null, a.flag("dryRun"));
        });
  }

  private static ObjectNode schema(List<String> required, ObjectNode... properties) {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    for (ObjectNode p : properties) {
      String name = p.remove("$name").asText();
      props.set(name, p);
    }
    ArrayNode req = schema.putArray("required");
    required.forEach(req::add);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode str(String name, String description) {
    return JSON.createObjectNode()
        .put("$name", name)
        .put("type", "string")
        .put("description", description);
  }

  private static ObjectNode num(String name, String description) {
    return JSON.createObjectNode()
        .put("$name", name)
        .put("type", "integer")
        .put("description", description);
  }

  private static ObjectNode bool(String name, String description) {
    return JSON.createObjectNode()
        .put("$name", name)
        .put("type", "boolean")
        .put("description", description);
  }

  private static ObjectNode choice(String name, String description, String... values) {
    ObjectNode node = str(name, description);
    ArrayNode e = node.putArray("enum");
    for (String v : values) {
      e.add(v);
    }
    return node;
  }
}
