package dev.gitopscrew.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The RBAC boundary every cluster call passes before anything is sent: the rules an rbac.yaml binds
 * to the bot's service account (Roles and ClusterRoles through RoleBindings and
 * ClusterRoleBindings), decided as Kubernetes decides them. The rules come from the same {@code
 * deploy/k8s/rbac.yaml} that is deployed, packaged with the build, or from an operator's own.
 */
public final class ClusterGuard {

  /** The packaged copy of deploy/k8s/rbac.yaml. */
  public static final String PACKAGED = "dev/gitopscrew/cluster/rbac.yaml";

  private final String source;
  private final String serviceAccount;
  private final String botNamespace;
  private final List<GrantedRule> rules;

  private ClusterGuard(
      String source, String serviceAccount, String botNamespace, List<GrantedRule> rules) {
    this.source = source;
    this.serviceAccount = serviceAccount;
    this.botNamespace = botNamespace;
    this.rules = List.copyOf(rules);
  }

  /** The guard of the packaged deploy/k8s/rbac.yaml. */
  public static ClusterGuard packaged() {
    return packaged(null);
  }

  /**
   * The guard of the packaged rules, deployed into {@code namespace} (null: as packaged, {@code
   * gitops-crew}) the way Kustomize's {@code namespace:} moves them.
   */
  public static ClusterGuard packaged(String namespace) {
    try (InputStream in = ClusterGuard.class.getClassLoader().getResourceAsStream(PACKAGED)) {
      if (in == null) {
        throw new IllegalStateException("the build did not package " + PACKAGED);
      }
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (namespace != null && !namespace.equals("gitops-crew")) {
        yaml = yaml.replace("namespace: gitops-crew", "namespace: " + namespace);
      }
      return parse("deploy/k8s/rbac.yaml", yaml, null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + PACKAGED + ": " + e.getMessage(), e);
    }
  }

  /**
   * The guard of an rbac.yaml text.
   *
   * @param serviceAccount {@code namespace/name} of the bot's account, or null for the one
   *     ServiceAccount the file defines
   * @throws IllegalArgumentException when the file is not RBAC YAML or names no account
   */
  public static ClusterGuard parse(String source, String yaml, String serviceAccount) {
    List<Map<String, Object>> docs = new ArrayList<>();
    try {
      for (Object doc : new Yaml(new LoaderOptions()).loadAll(new StringReader(yaml))) {
        if (doc instanceof Map<?, ?> m) {
          docs.add(cast(m));
        }
      }
    } catch (YAMLException e) {
      throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage());
    }
    String account = serviceAccount != null ? serviceAccount : onlyServiceAccount(source, docs);
    if (!account.contains("/")) {
      throw new IllegalArgumentException(
          "the service account must be given as namespace/name, got " + account);
    }
    String ns = account.substring(0, account.indexOf('/'));
    String name = account.substring(account.indexOf('/') + 1);

    Map<String, Map<String, Object>> clusterRoles = new HashMap<>();
    Map<String, Map<String, Object>> roles = new HashMap<>();
    for (Map<String, Object> doc : docs) {
      String kind = String.valueOf(doc.get("kind"));
      Map<String, Object> meta = map(doc.get("metadata"));
      if (kind.equals("ClusterRole")) {
        clusterRoles.put(str(meta.get("name")), doc);
      } else if (kind.equals("Role")) {
        roles.put(str(meta.get("namespace")) + "/" + str(meta.get("name")), doc);
      }
    }
    List<GrantedRule> rules = new ArrayList<>();
    for (Map<String, Object> doc : docs) {
      String kind = String.valueOf(doc.get("kind"));
      if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
        continue;
      }
      if (!bindsTo(doc, ns, name)) {
        continue;
      }
      Map<String, Object> meta = map(doc.get("metadata"));
      Map<String, Object> ref = map(doc.get("roleRef"));
      String refKind = str(ref.get("kind"));
      String refName = str(ref.get("name"));
      String bindingNs = kind.equals("RoleBinding") ? str(meta.get("namespace")) : null;
      Map<String, Object> role =
          refKind.equals("ClusterRole")
              ? clusterRoles.get(refName)
              : roles.get(bindingNs + "/" + refName);
      if (role == null) {
        continue; // a role defined elsewhere grants nothing the guard can know of
      }
      String from = refKind + " " + refName;
      for (Object r : list(role.get("rules"))) {
        Map<String, Object> rule = map(r);
        if (rule.containsKey("nonResourceURLs") && !rule.containsKey("resources")) {
          continue;
        }
        rules.add(
            new GrantedRule(
                from,
                bindingNs,
                strings(rule.get("apiGroups")),
                strings(rule.get("resources")),
                strings(rule.get("verbs")),
                strings(rule.get("resourceNames"))));
      }
    }
    return new ClusterGuard(source, account, ns, rules);
  }

  /** Which rule allows the call, or what it would need. */
  public GuardDecision check(ApiCall call) {
    boolean namespaced =
        ResourceType.KNOWN.stream()
            .filter(t -> t.group().equals(call.group()) && t.resource().equals(call.resource()))
            .findFirst()
            .map(ResourceType::namespaced)
            .orElse(call.namespace() != null);
    for (GrantedRule rule : rules) {
      if (rule.allows(call, namespaced)) {
        return new GuardDecision.Allowed(rule.from());
      }
    }
    String needs =
        "needs verb \""
            + call.verb()
            + "\" on apiGroup \""
            + call.group()
            + "\" resource \""
            + call.resource()
            + (call.subresource() == null ? "" : "/" + call.subresource())
            + "\""
            + (call.namespace() == null ? " cluster-wide" : " in namespace " + call.namespace());
    List<String> granted = new ArrayList<>();
    for (GrantedRule rule : rules) {
      if ((rule.apiGroups().contains(call.group()) || rule.apiGroups().contains("*"))
          && (rule.resources().contains(call.resource()) || rule.resources().contains("*"))) {
        granted.add(rule.describe());
      }
    }
    return new GuardDecision.Refused(
        "refused by the cluster guard: "
            + call.describe()
            + " is outside the rules of "
            + source
            + " ("
            + needs
            + "; "
            + (granted.isEmpty()
                ? "no rule there covers "
                    + (call.group().isEmpty() ? "" : call.group() + "/")
                    + call.resource()
                : "the rules there for it: " + String.join("; ", granted))
            + ")");
  }

  /** Refuses, with the missing rule named, a call outside the rules. */
  public void require(ApiCall call) {
    if (check(call) instanceof GuardDecision.Refused refused) {
      throw new ClusterRefusedException(refused.reason());
    }
  }

  public List<GrantedRule> rules() {
    return rules;
  }

  public String source() {
    return source;
  }

  /** {@code namespace/name} of the bot's service account. */
  public String serviceAccount() {
    return serviceAccount;
  }

  /** The bot's own namespace: the only one it may read Secrets in. */
  public String botNamespace() {
    return botNamespace;
  }

  private static boolean bindsTo(Map<String, Object> binding, String ns, String name) {
    for (Object s : list(binding.get("subjects"))) {
      Map<String, Object> subject = map(s);
      String kind = str(subject.get("kind"));
      String subjectName = str(subject.get("name"));
      if (kind.equals("ServiceAccount")
          && subjectName.equals(name)
          && ns.equals(str(subject.get("namespace")))) {
        return true;
      }
      if (kind.equals("Group")
          && (subjectName.equals("system:serviceaccounts")
              || subjectName.equals("system:serviceaccounts:" + ns)
              || subjectName.equals("system:authenticated"))) {
        return true;
      }
      if (kind.equals("User") && subjectName.equals("system:serviceaccount:" + ns + ":" + name)) {
        return true;
      }
    }
    return false;
  }

  private static String onlyServiceAccount(String source, List<Map<String, Object>> docs) {
    Set<String> accounts = new LinkedHashSet<>();
    for (Map<String, Object> doc : docs) {
      if ("ServiceAccount".equals(doc.get("kind"))) {
        Map<String, Object> meta = map(doc.get("metadata"));
        accounts.add(str(meta.get("namespace")) + "/" + str(meta.get("name")));
      }
    }
    if (accounts.size() != 1) {
      throw new IllegalArgumentException(
          source
              + " defines "
              + (accounts.isEmpty() ? "no ServiceAccount" : "several ServiceAccounts " + accounts)
              + "; name the bot's with kubernetes.serviceAccount (namespace/name)");
    }
    return accounts.iterator().next();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? cast(m) : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static Set<String> strings(Object o) {
    Set<String> out = new LinkedHashSet<>();
    for (Object item : list(o)) {
      out.add(item == null ? "" : String.valueOf(item));
    }
    return out;
  }

  /**
   * One call for every verb, group and resource each rule grants, in the rule's namespace: what
   * {@code crew doctor} asks the API server to confirm, so rules the cluster does not actually
   * grant are found before an incident needs them.
   */
  public List<ApiCall> grantedCalls() {
    List<ApiCall> calls = new java.util.ArrayList<>();
    for (GrantedRule rule : rules) {
      String name = rule.resourceNames().stream().sorted().findFirst().orElse(null);
      for (String group : new java.util.TreeSet<>(rule.apiGroups())) {
        for (String resource : new java.util.TreeSet<>(rule.resources())) {
          int slash = resource.indexOf('/');
          for (String verb : new java.util.TreeSet<>(rule.verbs())) {
            calls.add(
                new ApiCall(
                    verb,
                    group,
                    slash < 0 ? resource : resource.substring(0, slash),
                    slash < 0 ? null : resource.substring(slash + 1),
                    rule.namespace(),
                    name));
          }
        }
      }
    }
    return calls;
  }

  /** Every rule in one line each, for {@code crew doctor}. */
  public List<String> describeRules() {
    return rules.stream().map(GrantedRule::describe).toList();
  }

  /** The rules as the API server sees them asked: verb, group, resource, namespace. */
  public Optional<GrantedRule> ruleFor(ApiCall call) {
    return rules.stream().filter(r -> r.allows(call, call.namespace() != null)).findFirst();
  }
}
