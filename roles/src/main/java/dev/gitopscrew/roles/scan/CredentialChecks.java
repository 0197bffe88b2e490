package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/** Credentials kept in plain sight: ConfigMap data, container env, committed Secrets. */
final class CredentialChecks {

  private final Collector out;

  CredentialChecks(Collector out) {
    this.out = out;
  }

  void check(ManifestTree.Manifest m) {
    if (m.kind().equals("ConfigMap")) {
      for (String field : new String[] {"data", "binaryData"}) {
        Optional<YamlNode.Mapping> data = Nodes.mapping(m.root(), field);
        if (data.isEmpty()) {
          continue;
        }
        for (YamlNode.Entry e : data.get().entries()) {
          String key = e.key().value();
          Optional<String> shape = Nodes.text(e.value()).flatMap(Credentials::valueKind);
          if (shape.isPresent()) {
            out.add(
                Rule.CREDENTIALS_IN_CONFIGMAP,
                m,
                Nodes.line(e.key()),
                "key " + key + " holds " + shape.get());
          } else if (Credentials.isCredentialName(key) && Credentials.isLiteral(e.value())) {
            out.add(
                Rule.CREDENTIALS_IN_CONFIGMAP,
                m,
                Nodes.line(e.key()),
                "key " + key + " holds a literal credential");
          }
        }
      }
    }
    if (m.kind().equals("Secret") && m.root().get("sops").isEmpty()) {
      for (String field : new String[] {"data", "stringData"}) {
        Optional<YamlNode.Entry> data = Nodes.entry(m.root(), field);
        if (data.isPresent()
            && data.get().value() instanceof YamlNode.Mapping values
            && !values.entries().isEmpty()) {
          out.add(
              Rule.SECRET_IN_GIT,
              m,
              Nodes.line(data.get().key()),
              "the Secret's "
                  + field
                  + " ("
                  + values.entries().size()
                  + (values.entries().size() == 1 ? " key" : " keys")
                  + ") is committed in plain text"
                  + (field.equals("data") ? " (base64 is no encryption)" : ""));
        }
      }
    }
  }

  /** A container's env: a credential's name with a literal value, or a value shaped like one. */
  static void env(Collector out, ManifestTree.Manifest m, YamlNode.Mapping c, String container) {
    List<YamlNode> variables = Nodes.items(c, "env");
    for (YamlNode variable : variables) {
      String var = Nodes.text(variable, "name").orElse("");
      Optional<YamlNode.Entry> value = Nodes.entry(variable, "value");
      if (value.isEmpty() || !Credentials.isLiteral(value.get().value())) {
        continue;
      }
      Optional<String> kind = Nodes.text(value.get().value()).flatMap(Credentials::valueKind);
      if (kind.isPresent()) {
        out.add(
            Rule.CREDENTIALS_IN_ENV,
            m,
            Nodes.line(value.get().key()),
            container + " sets " + var + " to " + kind.get() + " in the manifest");
      } else if (Credentials.isCredentialName(var)) {
        out.add(
            Rule.CREDENTIALS_IN_ENV,
            m,
            Nodes.line(value.get().key()),
            container + " sets " + var + " to a literal value in the manifest");
      }
    }
  }
}
