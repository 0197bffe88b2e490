package dev.gitopscrew.config;

import java.util.List;
import java.util.Map;

/**
 * An MCP server in OpenClaw's shape (docs/mcp.md): {@code command} with {@code args} and {@code
 * env} over stdio, or {@code url} with {@code headers} over streamable HTTP; values may name the
 * environment as {@code ${VAR}}. {@code reads}, {@code approval} and {@code timeoutSeconds} are
 * GitOps Crew's own.
 *
 * @param reads the tools that count as reads when the server also marks them read-only
 * @param approval {@code writes} (a write waits for a person) or {@code never} (the default)
 */
public record McpServerEntry(
    String command,
    List<String> args,
    Map<String, String> env,
    String url,
    Map<String, String> headers,
    List<String> reads,
    String approval,
    Integer timeoutSeconds) {
  public McpServerEntry {
    args = args != null ? List.copyOf(args) : List.of();
    env = env != null ? Map.copyOf(env) : Map.of();
    headers = headers != null ? Map.copyOf(headers) : Map.of();
    reads = reads != null ? List.copyOf(reads) : List.of();
  }

  /** A value of the entry that cannot be used: {@code key} is ".url", ".approval"... */
  public record Problem(String key, String message) {}

  /** What makes the entry unusable, whatever the environment holds; empty when nothing. */
  public java.util.Optional<Problem> problem() {
    boolean stdio = command != null && !command.isBlank();
    boolean http = url != null && !url.isBlank();
    if (stdio == http) {
      return java.util.Optional.of(
          new Problem(
              stdio ? ".url" : ".command",
              "expected either command (a program over stdio) or url (streamable HTTP)"));
    }
    if (approval != null && !approval.equals("never") && !approval.equals("writes")) {
      return java.util.Optional.of(
          new Problem(".approval", "expected one of [never, writes], found \"" + approval + "\""));
    }
    if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 3600)) {
      return java.util.Optional.of(
          new Problem(".timeoutSeconds", "expected 1 to 3600 seconds, found " + timeoutSeconds));
    }
    return java.util.Optional.empty();
  }

  /** {@code ${NAME}}: a value taken from the environment, its name the first group. */
  public static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile(
          "(?i).*(token|secret|password|passwd|authorization|credential).*|(?i)(.*_)?(pat|key)(_.*)?");

  /**
   * The values the redactor hides: every header's, every {@code env} value of a secret-looking
   * name, and whatever a {@code ${VAR}} takes from {@code environment}.
   */
  public List<String> secrets(Map<String, String> environment) {
    List<String> out = new java.util.ArrayList<>(headers.values());
    env.forEach(
        (k, v) -> {
          if (SECRET_NAME.matcher(k).matches()) {
            out.add(v);
          }
        });
    List<String> all = new java.util.ArrayList<>(args);
    all.addAll(env.values());
    all.addAll(headers.values());
    if (url != null) {
      all.add(url);
    }
    for (String value : all) {
      java.util.regex.Matcher m = VARIABLE.matcher(value == null ? "" : value);
      while (m.find()) {
        String found = environment.get(m.group(1));
        if (found != null) {
          out.add(found);
        }
      }
    }
    out.removeIf(v -> v == null || v.length() < 4 || VARIABLE.matcher(v).matches());
    return out;
  }
}
