package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Helm values of Argo CD Applications ({@code helm.valuesObject}, a literal-block {@code
 * helm.values}, {@code helm.parameters}): chart settings are the chart's own, but the common keys
 * mean the same everywhere ({@code privileged}, {@code hostNetwork}, {@code runAsNonRoot}, {@code
 * image.tag}, {@code adminPassword}). When the source's {@code path} is a chart of the tree, its
 * {@code values.yaml} and the {@code valueFiles} are judged too, as layers under the inline values:
 * a default the Application overrides is not reported, one it keeps is reported in the chart.
 */
final class HelmChecks {

  /** One layer of values: the file it is in, its root, and the line offset of a block. */
  private record Layer(String path, YamlNode root, int offset) {}

  private final ManifestTree tree;
  private final Collector out;

  HelmChecks(ManifestTree tree, Collector out) {
    this.tree = tree;
    this.out = out;
  }

  void check(ManifestTree.Manifest m) {
    if (!m.kind().equals("Application") || !m.apiVersion().startsWith("argoproj.io/")) {
      return;
    }
    List<YamlNode> sources = new ArrayList<>(Nodes.items(m.root(), "spec", "sources"));
    Nodes.at(m.root(), "spec", "source").ifPresent(sources::add);
    for (YamlNode source : sources) {
      Optional<YamlNode.Mapping> helm = Nodes.mapping(source, "helm");
      if (helm.isEmpty()) {
        continue;
      }
      List<Layer> layers = new ArrayList<>(chartLayers(source, helm.get()));
      Optional<YamlNode> values = helm.get().get("values");
      if (values.orElse(null) instanceof YamlNode.Scalar text && text.style() == '|') {
        try {
          List<YamlNode> documents = YamlDocuments.parse(text.value());
          if (!documents.isEmpty()) {
            // a literal block's first line is the one after its key
            layers.add(new Layer(m.path(), documents.get(0), text.line() + 1));
          }
        } catch (YamlDocuments.Invalid e) {
          // not YAML: Argo CD will say so on sync; nothing to check
        }
      }
      helm.get().get("valuesObject").ifPresent(v -> layers.add(new Layer(m.path(), v, 0)));
      List<String> parameters = new ArrayList<>();
      for (YamlNode parameter : Nodes.items(helm.get(), "parameters")) {
        String name = Nodes.text(parameter, "name").orElse("");
        parameters.add(name);
        Optional<YamlNode.Entry> value = Nodes.entry(parameter, "value");
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (value.isPresent()
            && Credentials.isCredentialName(last)
            && Credentials.isLiteral(value.get().value())) {
          out.add(
              Rule.CREDENTIALS_IN_HELM_VALUES,
              m,
              Nodes.line(value.get().key()),
              "Helm parameter " + name + " is a literal credential");
        }
      }
      for (int i = 0; i < layers.size(); i++) {
        new ValuesWalk(m, layers.get(i), layers.subList(i + 1, layers.size()), parameters)
            .walk(layers.get(i).root(), "", new ArrayList<>());
      }
    }
  }

  /** The chart's values.yaml and the valueFiles, when the source's path is a chart here. */
  private List<Layer> chartLayers(YamlNode source, YamlNode.Mapping helm) {
    Optional<String> path = Nodes.text(source, "path").map(ManifestTree::normalise);
    if (path.isEmpty() || Nodes.text(source, "chart").isPresent()) {
      return List.of();
    }
    String chart = path.get();
    String prefix = chart.isEmpty() ? "" : chart + "/";
    if (tree.files().read(prefix + "Chart.yaml").isEmpty()) {
      return List.of();
    }
    List<String> files = new ArrayList<>(List.of(prefix + "values.yaml"));
    Nodes.items(helm, "valueFiles").stream()
        .flatMap(f -> Nodes.text(f).stream())
        .filter(f -> !f.contains("://") && !f.startsWith("$"))
        .forEach(f -> files.add(ManifestTree.resolve(chart, f)));
    List<Layer> layers = new ArrayList<>();
    for (String file : files) {
      try {
        List<YamlNode> documents = YamlDocuments.parse(tree.files().readText(file).orElse(""));
        if (!documents.isEmpty()) {
          layers.add(new Layer(file, documents.get(0), 0));
        }
      } catch (YamlDocuments.Invalid e) {
        // a values file that does not parse fails Argo CD's render; nothing to judge
      }
    }
    return layers;
  }

  /** One layer's walk: its findings, unless a layer above sets the same key. */
  private final class ValuesWalk {
    private final ManifestTree.Manifest m;
    private final Layer layer;
    private final List<Layer> above;
    private final List<String> parameters;

    ValuesWalk(ManifestTree.Manifest m, Layer layer, List<Layer> above, List<String> parameters) {
      this.m = m;
      this.layer = layer;
      this.above = above;
      this.parameters = parameters;
    }

    void walk(YamlNode node, String path, List<String> keys) {
      if (node instanceof YamlNode.Sequence list) {
        for (int i = 0; i < list.items().size(); i++) {
          walk(list.items().get(i), path + "[" + i + "]", keys);
        }
        return;
      }
      if (!(node instanceof YamlNode.Mapping map)) {
        return;
      }
      for (YamlNode.Entry e : map.entries()) {
        String key = e.key().value();
        String at = path.isEmpty() ? key : path + "." + key;
        List<String> under = new ArrayList<>(keys);
        under.add(key);
        if (overridden(under, at)) {
          continue;
        }
        check(map, key, at, e);
        walk(e.value(), at, under);
      }
    }

    /**
     * Whether a layer above sets the key: Helm merges maps key by key, and a list, a scalar or null
     * above replaces everything under it.
     */
    private boolean overridden(List<String> keys, String at) {
      if (parameters.stream().anyMatch(p -> p.equals(at) || at.startsWith(p + "."))) {
        return true;
      }
      for (Layer upper : above) {
        YamlNode node = upper.root();
        for (int i = 0; i < keys.size(); i++) {
          Optional<YamlNode> next =
              node instanceof YamlNode.Mapping map ? map.get(keys.get(i)) : Optional.empty();
          if (next.isEmpty()) {
            break;
          }
          node = next.get();
          if (i == keys.size() - 1 || !(node instanceof YamlNode.Mapping)) {
            return true;
          }
        }
      }
      return false;
    }

    private void check(YamlNode.Mapping map, String key, String at, YamlNode.Entry e) {
      int line = Nodes.line(e.key()) + layer.offset();
      YamlNode value = e.value();
      String text = Nodes.text(value).orElse(null);
      boolean isTrue = Nodes.bool(value).orElse(false);
      boolean isFalse = !Nodes.bool(value).orElse(true);
      switch (key) {
        case "privileged" -> flag(isTrue, Rule.PRIVILEGED, line, at + " is true");
        case "allowPrivilegeEscalation" ->
            flag(isTrue, Rule.PRIVILEGE_ESCALATION, line, at + " is true");
        case "hostNetwork" -> flag(isTrue, Rule.HOST_NETWORK, line, at + " is true");
        case "hostPID" -> flag(isTrue, Rule.HOST_PID, line, at + " is true");
        case "hostIPC" -> flag(isTrue, Rule.HOST_IPC, line, at + " is true");
        case "runAsNonRoot" -> flag(isFalse, Rule.RUN_AS_ROOT, line, at + " is false");
        case "runAsUser" -> flag("0".equals(text), Rule.RUN_AS_ROOT, line, at + " is 0 (root)");
        case "readOnlyRootFilesystem" ->
            flag(isFalse, Rule.READ_ONLY_ROOT_FS, line, at + " is false");
        case "tag" ->
            flag(
                "latest".equals(text) && map.get("repository").isPresent(),
                Rule.LATEST_TAG,
                line,
                at + " is latest");
        case "image" ->
            flag(
                text != null && text.endsWith(":latest"),
                Rule.LATEST_TAG,
                line,
                at + " uses the latest tag");
        default -> {
          if (value instanceof YamlNode.Scalar
              && Credentials.isCredentialName(key)
              && Credentials.isLiteral(value)) {
            flag(true, Rule.CREDENTIALS_IN_HELM_VALUES, line, at + " is a literal credential");
          } else if (text != null && Credentials.valueKind(text).isPresent()) {
            flag(
                true,
                Rule.CREDENTIALS_IN_HELM_VALUES,
                line,
                at + " holds " + Credentials.valueKind(text).get());
          }
        }
      }
    }

    private void flag(boolean found, Rule rule, int line, String what) {
      if (found) {
        boolean chart = !layer.path().equals(m.path());
        out.addIn(
            rule, m, layer.path(), line, (chart ? "the chart's default " : "Helm value ") + what);
      }
    }
  }
}
