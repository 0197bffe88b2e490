package dev.gitopscrew.roles.scan;

import dev.gitopscrew.request.Severity;
import java.util.Arrays;
import java.util.Optional;

/** Every check the scan makes: an id users suppress and search by, a severity, and the fix. */
public enum Rule {
  PRIVILEGED(
      "privileged",
      Severity.CRITICAL,
      "remove securityContext.privileged; add only the capability the container needs"),
  DOCKER_SOCKET(
      "docker-socket",
      Severity.CRITICAL,
      "do not mount the container runtime's socket (it is root on the node); use a socket proxy"
          + " that allows only the calls the app makes"),
  PRIVILEGE_ESCALATION(
      "privilege-escalation", Severity.HIGH, "set securityContext.allowPrivilegeEscalation: false"),
  HOST_NETWORK("host-network", Severity.HIGH, "remove hostNetwork; expose the port with a Service"),
  HOST_PID("host-pid", Severity.HIGH, "remove hostPID"),
  HOST_IPC("host-ipc", Severity.HIGH, "remove hostIPC"),
  HOST_PATH(
      "host-path",
      Severity.HIGH,
      "use a PersistentVolumeClaim, a ConfigMap or an emptyDir instead of a hostPath volume"),
  DANGEROUS_CAPABILITIES(
      "dangerous-capabilities",
      Severity.HIGH,
      "remove the capability from securityContext.capabilities.add"),
  CREDENTIALS_IN_ENV(
      "credentials-in-env",
      Severity.HIGH,
      "keep the value in a Secret (an ExternalSecret) and use valueFrom.secretKeyRef"),
  CREDENTIALS_IN_CONFIGMAP(
      "credentials-in-configmap",
      Severity.HIGH,
      "move the key to a Secret (an ExternalSecret) and mount or reference that instead"),
  CREDENTIALS_IN_HELM_VALUES(
      "credentials-in-helm-values",
      Severity.HIGH,
      "use the chart's existingSecret value with a Secret from an ExternalSecret"),
  SECRET_IN_GIT(
      "secret-in-git",
      Severity.HIGH,
      "replace the Secret with an ExternalSecret (or a SealedSecret) and rotate the values: they"
          + " stay in the Git history"),
  RBAC_WILDCARD(
      "rbac-wildcard",
      Severity.HIGH,
      "list the resources and verbs the subject needs instead of *"),
  RBAC_ESCALATION(
      "rbac-escalation",
      Severity.HIGH,
      "remove escalate, bind and impersonate: they let the subject grant itself more"),
  RBAC_SECRETS_CLUSTER_WIDE(
      "rbac-secrets-cluster-wide",
      Severity.HIGH,
      "grant secrets in a Role of the namespace that needs them, or bind the ClusterRole with a"
          + " RoleBinding"),
  RUN_AS_ROOT(
      "run-as-root",
      Severity.MEDIUM,
      "set securityContext.runAsNonRoot: true (and runAsUser to a non-zero UID when the image"
          + " runs as root)"),
  READ_ONLY_ROOT_FS(
      "read-only-root-fs",
      Severity.MEDIUM,
      "set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app"
          + " writes"),
  CAPABILITIES_NOT_DROPPED(
      "capabilities-not-dropped",
      Severity.MEDIUM,
      "set securityContext.capabilities.drop: [ALL] and add back only what the app needs"),
  LATEST_TAG(
      "latest-tag",
      Severity.MEDIUM,
      "pin the image to a version tag or a digest (or set newTag in the kustomization)"),
  HOST_PORT("host-port", Severity.MEDIUM, "remove hostPort; expose the port with a Service"),
  RBAC_WRITE_VERBS(
      "rbac-write-verbs",
      Severity.MEDIUM,
      "grant create and delete only on the resources the subject manages, in a Role"),
  MISSING_NETWORK_POLICY(
      "missing-network-policy",
      Severity.MEDIUM,
      "add a NetworkPolicy to the namespace: deny by default, then allow what the apps need"),
  DEFAULT_NAMESPACE(
      "default-namespace",
      Severity.MEDIUM,
      "give the workload its own namespace (metadata.namespace, the kustomization's namespace or"
          + " the Application's destination)"),
  MISSING_REQUESTS("missing-requests", Severity.MEDIUM, "set resources.requests.cpu and memory"),
  MISSING_LIMITS("missing-limits", Severity.LOW, "set resources.limits.cpu and memory"),
  MISSING_LIVENESS_PROBE("missing-liveness-probe", Severity.LOW, "add a livenessProbe"),
  MISSING_READINESS_PROBE("missing-readiness-probe", Severity.LOW, "add a readinessProbe"),
  SERVICE_ACCOUNT_TOKEN(
      "service-account-token",
      Severity.LOW,
      "set automountServiceAccountToken: false on the pod: no RBAC binding here gives its"
          + " service account any API access");

  private final String id;
  private final Severity severity;
  private final String fix;

  Rule(String id, Severity severity, String fix) {
    this.id = id;
    this.severity = severity;
    this.fix = fix;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String fix() {
    return fix;
  }

  public static Optional<Rule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
