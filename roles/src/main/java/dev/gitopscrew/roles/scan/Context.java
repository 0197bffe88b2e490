package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one object's checks need to know about the rest of the tree: which service accounts RBAC
 * binds, which namespaces have a NetworkPolicy, how ClusterRoles are bound, which images a
 * kustomization pins.
 */
final class Context {

  private final ManifestTree tree;
  private final Set<String> boundServiceAccounts = new HashSet<>();
  private final Set<String> tokenlessServiceAccounts = new HashSet<>();
  private final Set<String> policedNamespaces = new HashSet<>();
  private final Set<String> clusterRolesBoundClusterWide = new HashSet<>();
  private final Set<String> clusterRolesBoundInNamespaces = new HashSet<>();
  private final Map<String, Set<String>> pinnedImages = new HashMap<>();
  private boolean clusterWidePolicy;

  Context(ManifestTree tree, List<ManifestTree.Manifest> judged) {
    this.tree = tree;
    for (ManifestTree.Manifest m : judged) {
      switch (m.kind()) {
        case "RoleBinding", "ClusterRoleBinding" -> binding(m);
        case "ServiceAccount" -> {
          if (!Nodes.bool(m.root(), "automountServiceAccountToken").orElse(true)) {
            tokenlessServiceAccounts.add(key(m.namespace(), m.name()));
          }
        }
        case "NetworkPolicy", "CiliumNetworkPolicy" ->
            policedNamespaces.add(m.namespace() == null ? "default" : m.namespace());
        case "CiliumClusterwideNetworkPolicy", "GlobalNetworkPolicy" -> clusterWidePolicy = true;
        default -> {}
      }
    }
  }

  private void binding(ManifestTree.Manifest m) {
    boolean clusterWide = m.kind().equals("ClusterRoleBinding");
    if (Nodes.text(m.root(), "roleRef", "kind").orElse("").equals("ClusterRole")) {
      String role = Nodes.text(m.root(), "roleRef", "name").orElse("");
      (clusterWide ? clusterRolesBoundClusterWide : clusterRolesBoundInNamespaces).add(role);
    }
    for (YamlNode subject : Nodes.items(m.root(), "subjects")) {
      if (Nodes.text(subject, "kind").orElse("").equals("ServiceAccount")) {
        String namespace = Nodes.text(subject, "namespace").orElse(m.namespace());
        boundServiceAccounts.add(key(namespace, Nodes.text(subject, "name").orElse("")));
      }
    }
  }

  /** Whether a RoleBinding or ClusterRoleBinding of the tree gives the account any access. */
  boolean bound(String namespace, String serviceAccount) {
    return boundServiceAccounts.contains(key(namespace, serviceAccount));
  }

  /** Whether the tree's ServiceAccount object already disables the token. */
  boolean tokenless(String namespace, String serviceAccount) {
    return tokenlessServiceAccounts.contains(key(namespace, serviceAccount));
  }

  boolean networkPolicyCovers(String namespace) {
    return clusterWidePolicy || policedNamespaces.contains(namespace);
  }

  /**
   * A ClusterRole reaches every namespace when a ClusterRoleBinding or no binding here names it.
   */
  boolean clusterWide(String clusterRole) {
    return clusterRolesBoundClusterWide.contains(clusterRole)
        || !clusterRolesBoundInNamespaces.contains(clusterRole);
  }

  /** Whether a kustomization listing {@code path} sets a tag or digest for the image. */
  boolean pinnedByKustomize(String path, String imageName) {
    return pinnedImages.computeIfAbsent(path, this::pins).contains(imageName);
  }

  private Set<String> pins(String path) {
    Set<String> names = new HashSet<>();
    for (ManifestTree.Kustomization k : tree.listing(path)) {
      for (YamlNode image : Nodes.items(k.root(), "images")) {
        Optional<String> name = Nodes.text(image, "name");
        if (name.isPresent()
            && (Nodes.text(image, "newTag").isPresent()
                || Nodes.text(image, "digest").isPresent())) {
          names.add(name.get());
        }
      }
    }
    return names;
  }

  private static String key(String namespace, String name) {
    return (namespace == null ? "default" : namespace) + "/" + name;
  }
}
