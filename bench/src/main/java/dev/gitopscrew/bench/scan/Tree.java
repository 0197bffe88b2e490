package dev.gitopscrew.bench.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A generated GitOps repository: an app-of-apps and one Kustomize folder per application. */
final class Tree {

  private Tree() {}

  /** Writes {@code apps} applications under {@code root}; returns the number of objects. */
  static int write(Path root, int apps) throws IOException {
    int objects = 0;
    Files.createDirectories(root.resolve("apps"));
    for (int i = 0; i < apps; i++) {
      String name = String.format("app-%03d", i);
      String ns = String.format("team-%02d", i / 10);
      boolean hardened = i % 2 == 0;
      Path dir = Files.createDirectories(root.resolve("k8s/" + ns + "/" + name));
      Files.writeString(root.resolve("apps/" + name + ".yaml"), application(name, ns));
      Files.writeString(
          dir.resolve("kustomization.yaml"),
          """
          apiVersion: kustomize.config.k8s.io/v1beta1
          kind: Kustomization
          namespace: %s
          resources:
            - deployment.yaml
            - service.yaml
            - config.yaml
            - rbac.yaml
            - policy.yaml
            - ingress.yaml
          """
              .formatted(ns));
      Files.writeString(dir.resolve("deployment.yaml"), deployment(name, hardened));
      Files.writeString(
          dir.resolve("service.yaml"),
          """
          apiVersion: v1
          kind: Service
          metadata:
            name: %1$s
          spec:
            selector:
              app.kubernetes.io/name: %1$s
            ports:
              - name: http
                port: 80
                targetPort: http
          """
              .formatted(name));
      Files.writeString(
          dir.resolve("config.yaml"),
          """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: %s-config
          data:
            LOG_LEVEL: info
            %s
          """
              .formatted(name, hardened ? "DB_HOST: postgres" : "DB_PASSWORD: plain-text-here"));
      Files.writeString(
          dir.resolve("rbac.yaml"),
          """
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: %1$s
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata:
            name: %1$s
          rules:
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [%2$s]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: RoleBinding
          metadata:
            name: %1$s
          roleRef:
            apiGroup: rbac.authorization.k8s.io
            kind: Role
            name: %1$s
          subjects:
            - kind: ServiceAccount
              name: %1$s
          """
              .formatted(name, hardened ? "get, list" : "\"*\""));
      Files.writeString(
          dir.resolve("policy.yaml"),
          """
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: %1$s
          spec:
            podSelector:
              matchLabels:
                app.kubernetes.io/name: %1$s
            policyTypes: [Ingress]
          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata:
            name: %1$s
          spec:
            maxUnavailable: 1
          """
              .formatted(name));
      Files.writeString(
          dir.resolve("ingress.yaml"),
          """
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata:
            name: %1$s
          spec:
            rules:
              - host: %1$s.homelab.example
                http:
                  paths:
                    - path: /
                      pathType: Prefix
                      backend:
                        service:
                          name: %1$s
                          port:
                            name: http
          """
              .formatted(name));
      objects += 10;
    }
    return objects;
  }

  private static String application(String name, String ns) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: %1$s
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://git.example/homelab.git
            targetRevision: main
            path: k8s/%2$s/%1$s
          destination:
            server: https://kubernetes.default.svc
            namespace: %2$s
          syncPolicy:
            automated: {prune: true, selfHeal: true}
            syncOptions: [CreateNamespace=true]
        """
        .formatted(name, ns);
  }

  private static String deployment(String name, boolean hardened) {
    String security =
        hardened
            ? "          securityContext:\n"
                + "            runAsNonRoot: true\n"
                + "            allowPrivilegeEscalation: false\n"
                + "            readOnlyRootFilesystem: true\n"
                + "            capabilities:\n"
                + "              drop: [ALL]\n"
            : "          securityContext:\n" + "            privileged: true\n";
    return "apiVersion: apps/v1\n"
        + "kind: Deployment\n"
        + "metadata:\n"
        + "  name: "
        + name
        + "\n"
        + "spec:\n"
        + "  replicas: 2\n"
        + "  selector:\n"
        + "    matchLabels:\n"
        + "      app.kubernetes.io/name: "
        + name
        + "\n"
        + "  template:\n"
        + "    metadata:\n"
        + "      labels:\n"
        + "        app.kubernetes.io/name: "
        + name
        + "\n"
        + "    spec:\n"
        + "      serviceAccountName: "
        + name
        + "\n"
        + "      containers:\n"
        + "        - name: app\n"
        + "          image: ghcr.io/homelab/"
        + name
        + (hardened ? ":1.4.2" : ":latest")
        + "\n"
        + "          ports:\n"
        + "            - name: http\n"
        + "              containerPort: 8080\n"
        + security
        + "          resources:\n"
        + "            requests: {cpu: 50m, memory: 64Mi}\n"
        + "            limits: {cpu: 500m, memory: 256Mi}\n"
        + "          livenessProbe: {httpGet: {path: /healthz, port: http}}\n"
        + "          readinessProbe: {httpGet: {path: /ready, port: http}}\n";
  }
}
