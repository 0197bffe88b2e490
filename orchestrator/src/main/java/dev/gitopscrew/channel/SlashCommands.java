package dev.gitopscrew.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The slash commands for the structured operations, as plain data the adapter registers per guild,
 * and the request text each invocation stands for (parsed by the same parser as {@code crew ask}).
 * {@code status}, {@code sessions} and {@code approve} are answered by the channel itself.
 */
public final class SlashCommands {

  /** One option: a name, what it is, whether it is required, and its fixed choices (if any). */
  public record Option(String name, String description, boolean required, List<String> choices) {
    static Option required(String name, String description) {
      return new Option(name, description, true, List.of());
    }

    static Option optional(String name, String description) {
      return new Option(name, description, false, List.of());
    }

    static Option choice(String name, String description, String... choices) {
      return new Option(name, description, true, List.of(choices));
    }
  }

  public record Command(String name, String description, List<Option> options) {}

  public static final List<Command> ALL =
      List.of(
          new Command("status", "The crew's connection, store and integrations", List.of()),
          new Command("sessions", "The most recent requests and their states", List.of()),
          new Command(
              "kube",
              "A guarded kubectl-like read",
              List.of(
                  Option.required("verb", "get, describe, logs..."),
                  Option.required("resource", "pods, deployments..."),
                  Option.optional("name", "the object's name"),
                  Option.optional("namespace", "the namespace"))),
          new Command(
              "action",
              "A cluster action (disruptive ones wait for an approval)",
              List.of(
                  Option.choice(
                      "kind",
                      "what to do",
                      "restart",
                      "scale",
                      "force-sync",
                      "hard-refresh",
                      "cancel-sync",
                      "delete-pod"),
                  Option.required("target", "KIND/NAME, or the application"),
                  Option.optional("namespace", "the namespace"),
                  Option.optional("replicas", "for scale: the replica count"))),
          new Command(
              "runbook",
              "Run a runbook for an application",
              List.of(
                  Option.required("name", "the runbook"),
                  Option.required("app", "the Argo CD application"))),
          new Command(
              "release",
              "Plan or cut a release (a cut waits for an approval)",
              List.of(
                  Option.choice("mode", "plan or cut", "plan", "cut"),
                  Option.required("repo", "the repository name"),
                  Option.optional("milestone", "vX.Y.Z"))),
          new Command(
              "scan",
              "Security findings for a repository",
              List.of(
                  Option.required("repo", "the repository name"),
                  Option.optional("path", "a folder in it"))),
          new Command(
              "verify",
              "Verify an Argo CD application after a merge or rollback",
              List.of(Option.required("app", "the application"))),
          new Command(
              "approve",
              "Approve or deny a parked request",
              List.of(
                  Option.required("id", "the approval's id"),
                  new Option(
                      "decision",
                      "approve (default) or deny",
                      false,
                      List.of("approve", "deny")))));

  private SlashCommands() {}

  /** The request text a command stands for; empty for the commands the channel answers itself. */
  public static Optional<String> requestText(String command, Map<String, String> options) {
    List<String> words = new ArrayList<>();
    switch (command) {
      case "kube" -> {
        words.add("kube");
        words.add(options.get("verb"));
        words.add(options.get("resource"));
        add(words, options.get("name"));
        in(words, options.get("namespace"));
      }
      case "action" -> {
        String kind = options.get("kind");
        words.add(kind);
        words.add(options.get("target"));
        if ("scale".equals(kind) && options.get("replicas") != null) {
          words.add("to");
          words.add(options.get("replicas"));
        }
        in(words, options.get("namespace"));
      }
      case "runbook" -> {
        words.add("runbook");
        words.add(options.get("name"));
        words.add("for");
        words.add(options.get("app"));
      }
      case "release" -> {
        words.add("release");
        words.add(options.get("mode"));
        words.add(options.get("repo"));
        add(words, options.get("milestone"));
      }
      case "scan" -> {
        words.add("scan");
        words.add(options.get("repo"));
        add(words, options.get("path"));
      }
      case "verify" -> {
        words.add("verify");
        words.add(options.get("app"));
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(
        String.join(" ", words.stream().map(w -> w == null ? "" : w).toList()).strip());
  }

  private static void add(List<String> words, String value) {
    if (value != null && !value.isBlank()) {
      words.add(value);
    }
  }

  private static void in(List<String> words, String namespace) {
    if (namespace != null && !namespace.isBlank()) {
      words.add("in");
      words.add(namespace);
    }
  }
}
