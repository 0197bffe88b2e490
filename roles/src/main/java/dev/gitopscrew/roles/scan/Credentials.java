package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What looks like a credential: a key named like one holding a literal value, or a value shaped
 * like a known token or private key, or random enough to be one. What it finds is named, never
 * quoted.
 */
public final class Credentials {

  /**
   * Names that hold a credential: Polaris' sensitive names (password, token, bearer, secret, {@code
   * AZURE_*KEY}, {@code OCI_CLI_KEY_CONTENT}, {@code GOOGLE_APPLICATION_CREDENTIALS}), kubescape's
   * (pwd, jwt, credential, the AWS and Azure Batch keys) and the usual key names of cloud SDKs.
   */
  private static final Pattern NAME =
      Pattern.compile(
          "(?i).*(PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|BEARER|API_?KEY|ACCESS_?KEY"
              + "|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIALS?|ACCOUNT_?KEY|STORAGE_?KEY|MASTER_?KEY"
              + "|SIGNING_?KEY|ENCRYPTION_?KEY|AUTH_?KEY|SERVICE_?KEY|LICEN[CS]E_?KEY"
              + "|KEY_?CONTENT|CONNECTION_?STRING|WEBHOOK_?URL|JWT)"
              + ".*|AZURE_.+KEY|.*_(BATCH|SAS|SHARED|HMAC|SESSION)_?KEY|.+_PWD");

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
              Pattern.compile("-BEGIN\\s+([A-Z0-9]+\\s+)*PRIVATE KEY|PuTTY-User-Key-File")),
          new Shape(
              "a GitHub token",
              Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})")),
          new Shape("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
          new Shape("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
          new Shape(
              "an Azure storage account key",
              Pattern.compile("(?i)AccountKey=[A-Za-z0-9+/]{40,}={0,2}")),
          new Shape(
              "an Azure shared access signature", Pattern.compile("[?&]sig=[A-Za-z0-9%+/]{30,}")),
          new Shape("a DigitalOcean token", Pattern.compile("\\bdo[opr]_v1_[a-f0-9]{64}\\b")),
          new Shape("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}")),
          new Shape("a Slack webhook", Pattern.compile("hooks\\.slack\\.com/services/T[A-Z0-9]+/")),
          new Shape("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
          new Shape(
              "a Discord bot token",
              Pattern.compile(
                  "\\b[MN][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,}")),
          new Shape("a Stripe key", Pattern.compile("\\b[rs]k_live_[0-9A-Za-z]{20,}")),
          new Shape(
              "a SendGrid key", Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}")),
          new Shape("an npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
          new Shape("a PyPI token", Pattern.compile("\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
          new Shape("a Hugging Face token", Pattern.compile("\\bhf_[A-Za-z]{34}\\b")),
          new Shape(
              "an Anthropic or OpenAI-style API key",
              Pattern.compile("\\bsk-(ant-|proj-)?[A-Za-z0-9_-]{32,}")),
          new Shape("a bearer token", Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{20,}=*")),
          new Shape(
              "a JSON web token",
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+")),
          new Shape(
              "a URL with a password",
              Pattern.compile("[a-z][a-z0-9+.-]*://[^\\s:/@]+:[^\\s@/$<{]{3,}@[^\\s]+")));

  /** Long runs of base64-ish characters, the shape of generated keys with no known prefix. */
  private static final Pattern RANDOM_RUN = Pattern.compile("[A-Za-z0-9+/_=-]{32,}");

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

  /** A known shape, else a random-looking string: what a finding says the value holds. */
  public static Optional<String> valueKind(String text) {
    return shapeOf(text).or(() -> isRandom(text) ? Optional.of("a high-entropy string") : none());
  }

  /**
   * A single word of 32 or more base64 characters with upper case, lower case and at least three
   * digits, whose entropy is near the most its length allows (0.85 of log2 of the length):
   * generated keys look like that; hex digests, UUIDs, camel-case names, paths and URLs do not.
   */
  static boolean isRandom(String text) {
    String v = text.strip();
    if (v.length() > 4096 || !RANDOM_RUN.matcher(v).matches()) {
      return false;
    }
    boolean upper = v.chars().anyMatch(Character::isUpperCase);
    boolean lower = v.chars().anyMatch(Character::isLowerCase);
    long digits = v.chars().filter(Character::isDigit).count();
    double most = Math.log(Math.min(v.length(), 64)) / Math.log(2);
    return upper && lower && digits >= 3 && entropy(v) >= 0.85 * most;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String text) {
    int[] counts = new int[128];
    for (char ch : text.toCharArray()) {
      counts[ch & 127]++;
    }
    double bits = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / text.length();
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return bits;
  }

  private static Optional<String> none() {
    return Optional.empty();
  }
}
