package dev.gitopscrew.roles.edit;

import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.roles.yaml.Scalars;
import dev.gitopscrew.roles.yaml.YamlEditor;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@link EditOperation} on one object: where in the object it writes (containers of the pod
 * template, {@code spec.replicas}, an Application's Helm {@code valuesObject}), done through a
 * {@link YamlEditor}, and the same change on the parsed object, which the edited text must equal.
 */
final class ManifestEdit {

  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i).*(PASSWORD|PASSWD|TOKEN|SECRET|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*");

  private ManifestEdit() {}

  /** Applies the edit to the text; returns what it changed, old value to new. */
  static String apply(YamlEditor editor, Manifests.Found object, EditOperation operation) {
    YamlNode.Mapping root = object.root();
    String kind = object.kind().toLowerCase(Locale.ROOT);
    if (operation instanceof EditOperation.Image image) {
      YamlNode.Mapping container = container(root, kind, image.container());
      String old = scalarValue(container.get("image"));
      editor.put(container, List.of("image"), image.image(), Scalars.Type.STRING);
      return "image " + old + " -> " + image.image();
    }
    if (operation instanceof EditOperation.Replicas replicas) {
      if (!List.of("deployment", "statefulset", "replicaset").contains(kind)) {
        throw new YamlEditor.Refused("a " + object.kind() + " has no replica count");
      }
      YamlNode.Mapping spec = mapping(root.get("spec"), "spec");
      String old = scalarValue(spec.get("replicas"));
      editor.put(
          spec, List.of("replicas"), String.valueOf(replicas.replicas()), Scalars.Type.INTEGER);
      return "replicas " + old + " -> " + replicas.replicas();
    }
    if (operation instanceof EditOperation.Env env) {
      return env(editor, container(root, kind, env.container()), env);
    }
    if (operation instanceof EditOperation.Limits limits) {
      YamlNode.Mapping container = container(root, kind, limits.container());
      List<String> changed = new ArrayList<>();
      for (String[] limit : new String[][] {{"cpu", limits.cpu()}, {"memory", limits.memory()}}) {
        if (limit[1] != null) {
          String old =
              container
                  .get("resources")
                  .flatMap(r -> get(r, "limits"))
                  .flatMap(l -> get(l, limit[0]))
                  .map(n -> scalarValue(Optional.of(n)))
                  .orElse("(none)");
          editor.put(
              container, List.of("resources", "limits", limit[0]), limit[1], Scalars.Type.QUANTITY);
          changed.add(limit[0] + " limit " + old + " -> " + limit[1]);
        }
      }
      return String.join(", ", changed);
    }
    return helm(editor, root, object, (EditOperation.HelmValue) operation);
  }

  private static String env(YamlEditor editor, YamlNode.Mapping container, EditOperation.Env env) {
    if (CREDENTIAL.matcher(env.variable()).matches()) {
      throw new YamlEditor.Refused(
          env.variable()
              + " looks like a credential: keep it in a Secret (an ExternalSecret) and reference it"
              + " with valueFrom.secretKeyRef instead of a literal value");
    }
    Map<String, String> item = new LinkedHashMap<>();
    item.put("name", env.variable());
    item.put("value", env.value());
    Map<String, Scalars.Type> types =
        Map.of("name", Scalars.Type.STRING, "value", Scalars.Type.STRING);
    Optional<YamlNode> list = container.get("env");
    if (list.isEmpty()) {
      editor.insertList(container, "env", item, types);
      return "env " + env.variable() + " added: " + env.value();
    }
    if (!(list.get() instanceof YamlNode.Sequence items)) {
      throw new YamlEditor.Refused("env of " + env.container() + " is not a list");
    }
    for (YamlNode existing : items.items()) {
      if (existing instanceof YamlNode.Mapping var
          && env.variable().equals(scalarValue(var.get("name")))) {
        if (var.get("valueFrom").isPresent()) {
          throw new YamlEditor.Refused(
              env.variable() + " comes from valueFrom (a Secret or ConfigMap); change it there");
        }
        String old = scalarValue(var.get("value"));
        editor.put(var, List.of("value"), env.value(), Scalars.Type.STRING);
        return "env " + env.variable() + " " + old + " -> " + env.value();
      }
    }
    editor.append(items, item, types);
    return "env " + env.variable() + " added: " + env.value();
  }

  private static String helm(
      YamlEditor editor,
      YamlNode.Mapping root,
      Manifests.Found object,
      EditOperation.HelmValue helm) {
    if (!object.kind().equals("Application")) {
      throw new YamlEditor.Refused(
          "Helm values are edited on an Argo CD Application, not a " + object.kind());
    }
    YamlNode.Mapping spec = mapping(root.get("spec"), "spec");
    List<YamlNode.Mapping> helmSources = new ArrayList<>();
    spec.get("source")
        .flatMap(s -> get(s, "helm"))
        .ifPresent(h -> helmSources.add(mapping(Optional.of(h), "helm")));
    if (spec.get("sources").orElse(null) instanceof YamlNode.Sequence sources) {
      for (YamlNode source : sources.items()) {
        get(source, "helm").ifPresent(h -> helmSources.add(mapping(Optional.of(h), "helm")));
      }
    }
    if (helmSources.isEmpty()) {
      throw new YamlEditor.Refused("Application " + object.name() + " has no Helm source");
    }
    List<YamlNode.Mapping> withValues =
        helmSources.stream().filter(h -> h.get("valuesObject").isPresent()).toList();
    if (withValues.size() != 1) {
      throw new YamlEditor.Refused(
          withValues.isEmpty()
              ? "Application "
                  + object.name()
                  + " has no helm.valuesObject"
                  + (helmSources.stream().anyMatch(h -> h.get("values").isPresent())
                      ? " (its values are a string in helm.values; edit them by hand)"
                      : "")
              : "Application " + object.name() + " has several Helm sources with valuesObject");
    }
    YamlNode.Mapping values = mapping(withValues.get(0).get("valuesObject"), "valuesObject");
    List<String> path = List.of(helm.key().split("\\."));
    Optional<YamlNode> existing = Optional.of(values);
    for (String key : path) {
      existing = existing.flatMap(n -> get(n, key));
    }
    Scalars.Type type =
        existing.orElse(null) instanceof YamlNode.Scalar s && !s.isNull()
            ? Scalars.typeOf(s)
            : Scalars.Type.AS_WRITTEN;
    editor.put(values, path, helm.value(), type);
    return "helm value "
        + helm.key()
        + " "
        + existing.map(n -> scalarValue(Optional.of(n))).orElse("(none)")
        + " -> "
        + helm.value();
  }

  /** The container (or init container) of the object's pod template named {@code name}. */
  private static YamlNode.Mapping container(YamlNode.Mapping root, String kind, String name) {
    List<String> podSpec =
        switch (kind) {
          case "deployment", "statefulset", "daemonset", "replicaset", "job" ->
              List.of("spec", "template", "spec");
          case "cronjob" -> List.of("spec", "jobTemplate", "spec", "template", "spec");
          case "pod" -> List.of("spec");
          default -> throw new YamlEditor.Refused("a " + kind + " has no containers");
        };
    Optional<YamlNode> spec = Optional.of(root);
    for (String key : podSpec) {
      spec = spec.flatMap(n -> get(n, key));
    }
    List<String> names = new ArrayList<>();
    for (String list : List.of("containers", "initContainers")) {
      if (spec.flatMap(s -> get(s, list)).orElse(null) instanceof YamlNode.Sequence containers) {
        for (YamlNode c : containers.items()) {
          if (c instanceof YamlNode.Mapping m) {
            String cName = scalarValue(m.get("name"));
            names.add(cName);
            if (name.equals(cName)) {
              return m;
            }
          }
        }
      }
    }
    throw new YamlEditor.Refused(
        "no container named "
            + name
            + (names.isEmpty() ? "" : " (containers: " + String.join(", ", names) + ")"));
  }

  private static Optional<YamlNode> get(YamlNode node, String key) {
    if (node instanceof YamlNode.Alias alias) {
      throw new YamlEditor.Refused(
          key + " sits under an alias of &" + alias.anchor() + "; edit the anchor");
    }
    return node instanceof YamlNode.Mapping m ? m.get(key) : Optional.empty();
  }

  private static YamlNode.Mapping mapping(Optional<YamlNode> node, String what) {
    if (node.orElse(null) instanceof YamlNode.Mapping m) {
      return m;
    }
    throw new YamlEditor.Refused("the object has no " + what + " mapping");
  }

  private static String scalarValue(Optional<YamlNode> node) {
    return node.orElse(null) instanceof YamlNode.Scalar s && !s.isNull() ? s.value() : "(none)";
  }

  /** The same edit on the parsed object: what the edited text must read back as. */
  @SuppressWarnings("unchecked")
  static void expect(Map<String, Object> doc, String kind, EditOperation operation) {
    if (operation instanceof EditOperation.Image image) {
      containerOf(doc, kind, image.container()).put("image", image.image());
    } else if (operation instanceof EditOperation.Replicas replicas) {
      child(doc, "spec").put("replicas", replicas.replicas());
    } else if (operation instanceof EditOperation.Env env) {
      Map<String, Object> container = containerOf(doc, kind, env.container());
      List<Object> list = (List<Object>) container.computeIfAbsent("env", k -> new ArrayList<>());
      for (Object item : list) {
        Map<String, Object> var = (Map<String, Object>) item;
        if (env.variable().equals(var.get("name"))) {
          var.put("value", env.value());
          return;
        }
      }
      Map<String, Object> added = new LinkedHashMap<>();
      added.put("name", env.variable());
      added.put("value", env.value());
      list.add(added);
    } else if (operation instanceof EditOperation.Limits limits) {
      Map<String, Object> l =
          child(child(containerOf(doc, kind, limits.container()), "resources"), "limits");
      if (limits.cpu() != null) {
        l.put("cpu", limits.cpu());
      }
      if (limits.memory() != null) {
        l.put("memory", limits.memory());
      }
    } else if (operation instanceof EditOperation.HelmValue helm) {
      Map<String, Object> spec = child(doc, "spec");
      Map<String, Object> values = null;
      List<Map<String, Object>> sources = new ArrayList<>();
      if (spec.get("source") instanceof Map<?, ?> s) {
        sources.add((Map<String, Object>) s);
      }
      if (spec.get("sources") instanceof List<?> list) {
        list.forEach(s -> sources.add((Map<String, Object>) s));
      }
      for (Map<String, Object> source : sources) {
        if (source.get("helm") instanceof Map<?, ?> h && h.get("valuesObject") != null) {
          values = (Map<String, Object>) h.get("valuesObject");
        }
      }
      String[] path = helm.key().split("\\.");
      for (int i = 0; i < path.length - 1; i++) {
        values = child(values, path[i]);
      }
      values.put(path[path.length - 1], helm.value());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> containerOf(
      Map<String, Object> doc, String kind, String name) {
    Map<String, Object> spec =
        switch (kind) {
          case "cronjob" ->
              child(
                  child(child(child(child(doc, "spec"), "jobTemplate"), "spec"), "template"),
                  "spec");
          case "pod" -> child(doc, "spec");
          default -> child(child(child(doc, "spec"), "template"), "spec");
        };
    for (String list : List.of("containers", "initContainers")) {
      if (spec.get(list) instanceof List<?> containers) {
        for (Object c : containers) {
          if (name.equals(((Map<String, Object>) c).get("name"))) {
            return (Map<String, Object>) c;
          }
        }
      }
    }
    throw new IllegalStateException("container " + name + " vanished");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> map, String key) {
    return (Map<String, Object>) map.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }
}
