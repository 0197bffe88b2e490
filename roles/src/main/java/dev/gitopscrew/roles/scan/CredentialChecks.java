package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.Optional;

/** Credentials kept in plain sight: ConfigMap data, committed Secrets. */
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
          Optional<String> shape = Nodes.text(e.value()).flatMap(Credentials::shapeOf);
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
}
