package dev.gitopscrew.mcp;

import dev.gitopscrew.config.McpServerEntry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MCP server as the crew starts it: its configuration entry with each {@code ${VAR}} replaced
 * from the environment. Either a command over stdio or a URL over streamable HTTP.
 *
 * @param where how it runs, in words for people: the command and its arguments, or the URL, as
 *     written (each {@code ${VAR}} kept, so no secret is shown) The values that are secrets ({@code
 *     McpServerEntry#secrets}) are hidden by the crew's redactor wherever they could appear.
 */
public record McpServerSpec(
    String name,
    String command,
    List<String> args,
    Map<String, String> env,
    URI url,
    Map<String, String> headers,
    Set<String> reads,
    boolean writesNeedApproval,
    Duration timeout,
    String where) {

  /** How long a call may take unless the entry says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern VARIABLE = McpServerEntry.VARIABLE;

  /** A configuration entry that cannot be started, and why; {@code key} is within the entry. */
  public static final class Invalid extends IllegalArgumentException {
    private final String key;

    Invalid(String key, String reason) {
      super(reason);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public McpServerSpec {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    headers = Map.copyOf(headers);
    reads = Set.copyOf(reads);
  }

  public boolean overStdio() {
    return command != null;
  }

  /**
   * @param environment where {@code ${VAR}} values come from
   * @throws Invalid when the entry has neither or both of command and url, a bad URL, a variable
   *     the environment lacks, or an unknown approval
   */
  public static McpServerSpec of(
      String name, McpServerEntry entry, Map<String, String> environment) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw new Invalid("", "a server's name is letters, digits, '.', '_' and '-'");
    }
    entry
        .problem()
        .ifPresent(
            p -> {
              throw new Invalid(p.key().substring(1), p.message());
            });
    boolean stdio = entry.command() != null && !entry.command().isBlank();
    boolean http = !stdio;
    List<String> args = new ArrayList<>();
    for (String a : entry.args()) {
      args.add(resolve("args", a, environment));
    }
    Map<String, String> env = new LinkedHashMap<>();
    entry.env().forEach((k, v) -> env.put(k, resolve("env." + k, v, environment)));
    Map<String, String> headers = new LinkedHashMap<>();
    entry.headers().forEach((k, v) -> headers.put(k, resolve("headers." + k, v, environment)));
    URI url = null;
    if (http) {
      try {
        url = URI.create(resolve("url", entry.url(), environment));
      } catch (IllegalArgumentException e) {
        throw new Invalid("url", "not a URL: " + entry.url());
      }
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new Invalid("url", "expected an http or https URL, found " + entry.url());
      }
    }
    int seconds =
        entry.timeoutSeconds() == null ? (int) DEFAULT_TIMEOUT.toSeconds() : entry.timeoutSeconds();
    return new McpServerSpec(
        name,
        stdio ? resolve("command", entry.command(), environment) : null,
        args,
        env,
        url,
        headers,
        Set.copyOf(entry.reads()),
        "writes".equals(entry.approval()),
        Duration.ofSeconds(seconds),
        // as written, each ${VAR} kept: what is shown holds no value from the environment
        stdio
            ? "stdio: "
                + entry.command()
                + (entry.args().isEmpty() ? "" : " " + String.join(" ", entry.args()))
            : "streamable HTTP: " + entry.url());
  }

  private static String resolve(String key, String value, Map<String, String> environment) {
    if (value == null) {
      return "";
    }
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String found = environment.get(m.group(1));
      if (found == null) {
        throw new Invalid(key, "the environment has no " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(found));
    }
    m.appendTail(out);
    return out.toString();
  }
}
