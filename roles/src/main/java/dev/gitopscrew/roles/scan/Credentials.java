package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What looks like a credential: a key named like one holding a literal value, or a value shaped
 * like a known token or private key. What it finds is named, never quoted.
 */
public final class Credentials {

  private static final Pattern NAME =
      Pattern.compile(
          "(?i).*(PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY"
              + "|CLIENT_?SECRET|CREDENTIALS?).*");

  /** Keys that name where a credential is, not the credential: existingSecret, passwordKey... */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?i)(existing.*|.*(name|names|ref|file|path|enabled|create|mount|secretkeyref"
              + "|annotations|labels|env|from|length|policy|ttl|expiry|expiration|rotation|store"
              + "|provider|mode|type|namespace)"
              + "|.*(password|token|credentials?)_?keys?)");

  /** A token or key by its shape, with the name a finding gives it. */
  public record Shape(String name, Pattern pattern) {}

  public static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "a private key",
              Pattern.compile("-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY")),
          new Shape(
              "a GitHub token",
              Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})")),
          new Shape("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
          new Shape("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}")),
          new Shape("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
          new Shape(
              "a Discord bot token",
              Pattern.compile(
                  "\\b[MN][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,}")),
          new Shape("an OpenAI-style API key", Pattern.compile("\\bsk-[A-Za-z0-9_-]{32,}")));

  private Credentials() {}

  /** A key or variable named like a credential, and not a reference to one. */
  public static boolean isCredentialName(String name) {
    return NAME.matcher(name).matches() && !REFERENCE.matcher(name).matches();
  }

  /**
   * A scalar that is a literal value: not empty, not a placeholder ({@code $(VAR)}, {@code ${VAR}},
   * {@code {{ .Values.x }}}, {@code <path:...>} of argocd-vault-plugin).
   */
  public static boolean isLiteral(YamlNode node) {
    if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
      return false;
    }
    String v = s.value().strip();
    return !v.isEmpty()
        && !v.startsWith("$(")
        && !v.contains("${")
        && !v.contains("{{")
        && !v.startsWith("<path:")
        && !v.equalsIgnoreCase("changeme-in-secret")
        && !(s.style() == YamlNode.Scalar.PLAIN
            && (v.matches("true|false|True|False|[0-9]+") || v.equals("~")));
  }

  /** The kind of token {@code text} holds, if it holds one. */
  public static Optional<String> shapeOf(String text) {
    for (Shape shape : SHAPES) {
      if (shape.pattern().matcher(text).find()) {
        return Optional.of(shape.name());
      }
    }
    return Optional.empty();
  }
}
