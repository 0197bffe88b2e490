package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inline Helm values of Argo CD Applications ({@code helm.valuesObject}, a literal-block {@code
 * helm.values}, {@code helm.parameters}): chart settings are the chart's own, but the common keys
 * mean the same everywhere ({@code privileged}, {@code hostNetwork}, {@code runAsNonRoot}, {@code
 * image.tag}, {@code adminPassword}).
 */
final class HelmChecks {

  private final Collector out;

  HelmChecks(Collector out) {
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
      helm.get().get("valuesObject").ifPresent(v -> walk(m, v, "", 0));
      Optional<YamlNode> values = helm.get().get("values");
      if (values.orElse(null) instanceof YamlNode.Scalar text && text.style() == '|') {
        try {
          List<YamlNode> documents = YamlDocuments.parse(text.value());
          if (!documents.isEmpty()) {
            // a literal block's first line is the one after its key
            walk(m, documents.get(0), "", text.line() + 1);
          }
        } catch (YamlDocuments.Invalid e) {
          // not YAML: Argo CD will say so on sync; nothing to check
        }
      }
      for (YamlNode parameter : Nodes.items(helm.get(), "parameters")) {
        String name = Nodes.text(parameter, "name").orElse("");
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
    }
  }

  private void walk(ManifestTree.Manifest m, YamlNode node, String path, int offset) {
    if (node instanceof YamlNode.Sequence list) {
      for (int i = 0; i < list.items().size(); i++) {
        walk(m, list.items().get(i), path + "[" + i + "]", offset);
      }
      return;
    }
    if (!(node instanceof YamlNode.Mapping map)) {
      return;
    }
    for (YamlNode.Entry e : map.entries()) {
      String key = e.key().value();
      String at = path.isEmpty() ? key : path + "." + key;
      int line = Nodes.line(e.key()) + offset;
      YamlNode value = e.value();
      String text = Nodes.text(value).orElse(null);
      boolean isTrue = Nodes.bool(value).orElse(false);
      boolean isFalse = !Nodes.bool(value).orElse(true);
      switch (key) {
        case "privileged" -> flag(isTrue, Rule.PRIVILEGED, m, line, at + " is true");
        case "allowPrivilegeEscalation" ->
            flag(isTrue, Rule.PRIVILEGE_ESCALATION, m, line, at + " is true");
        case "hostNetwork" -> flag(isTrue, Rule.HOST_NETWORK, m, line, at + " is true");
        case "hostPID" -> flag(isTrue, Rule.HOST_PID, m, line, at + " is true");
        case "hostIPC" -> flag(isTrue, Rule.HOST_IPC, m, line, at + " is true");
        case "runAsNonRoot" -> flag(isFalse, Rule.RUN_AS_ROOT, m, line, at + " is false");
        case "runAsUser" -> flag("0".equals(text), Rule.RUN_AS_ROOT, m, line, at + " is 0 (root)");
        case "readOnlyRootFilesystem" ->
            flag(isFalse, Rule.READ_ONLY_ROOT_FS, m, line, at + " is false");
        case "tag" ->
            flag(
                "latest".equals(text) && map.get("repository").isPresent(),
                Rule.LATEST_TAG,
                m,
                line,
                at + " is latest");
        case "image" ->
            flag(
                text != null && text.endsWith(":latest"),
                Rule.LATEST_TAG,
                m,
                line,
                at + " uses the latest tag");
        default -> {
          if (value instanceof YamlNode.Scalar
              && Credentials.isCredentialName(key)
              && Credentials.isLiteral(value)) {
            out.add(
                Rule.CREDENTIALS_IN_HELM_VALUES,
                m,
                line,
                "Helm value " + at + " is a literal credential");
          } else if (text != null && Credentials.valueKind(text).isPresent()) {
            out.add(
                Rule.CREDENTIALS_IN_HELM_VALUES,
                m,
                line,
                "Helm value " + at + " holds " + Credentials.valueKind(text).get());
          }
        }
      }
      walk(m, value, at, offset);
    }
  }

  private void flag(boolean found, Rule rule, ManifestTree.Manifest m, int line, String what) {
    if (found) {
      out.add(rule, m, line, "Helm value " + what);
    }
  }
}
