package dev.gitopscrew.request;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns one line of text (from {@code crew ask}, chat, a comment) into a typed request. This is the
 * only place text is parsed; everything downstream gets the typed request.
 *
 * <pre>
 * restart [kind/]name [in NS] [dry-run]
 * scale [kind/]name to N [in NS] [dry-run]
 * force-sync externalsecret/NAME | hard-refresh application/NAME | cancel-sync application/NAME
 *   | delete-pod pod/NAME  [in NS] [dry-run]
 * kube get|logs|delete RESOURCE [NAME] [in NS]
 * edit REPO KIND/NAME [in NS] image C=IMAGE | replicas N | env C:VAR=VALUE
 *                             | limits C:cpu=…,memory=… | helm-value KEY=VALUE [dry-run]
 * scan REPO[#PR] [PATH] [severity LEVEL] [show-suppressed] [dry-run]
 * validate REPO [pr N] [base REF]  |  validate REPO#N
 * verify APP [in NS] [wait SECONDS]  |  triage APP [in NS]
 * runbook NAME for APP [in NS] [dry-run]  |  incident APP [in NS]
 * release plan REPO [MILESTONE]  |  release cut REPO [MILESTONE]
 * merge REPO PR  |  merge REPO#PR   (a pull request on the local forge)
 * drill fanout N [fail P] [timeout P] [work MS]
 * </pre>
 */
public final class RequestParser {

  static final List<String> VERBS =
      List.of(
          "restart",
          "scale",
          "force-sync",
          "hard-refresh",
          "cancel-sync",
          "delete-pod",
          "kube",
          "edit",
          "scan",
          "validate",
          "verify",
          "triage",
          "runbook",
          "incident",
          "release",
          "merge",
          "drill");

  /**
   * Parses {@code text}. Text that starts with no known verb is free text: an {@link Ask} when
   * {@code freeText} is allowed (a model is configured), otherwise a {@link BadRequestException}.
   */
  public Request parse(String text, boolean freeText) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new BadRequestException("empty request; one of: " + String.join(", ", VERBS));
    }
    List<String> words = Arrays.asList(trimmed.split("\\s+"));
    String verb = words.get(0).toLowerCase(Locale.ROOT);
    Words rest = new Words(words.subList(1, words.size()));
    return switch (verb) {
      case "restart" -> restart(rest);
      case "scale" -> scale(rest);
      case "force-sync", "hard-refresh", "cancel-sync", "delete-pod" -> action(verb, rest);
      case "kube" -> kube(rest);
      case "edit" -> edit(rest);
      case "scan" -> scan(rest);
      case "validate" -> validate(rest);
      case "verify" -> verify(rest);
      case "triage" -> triage(rest);
      case "runbook" -> runbook(rest);
      case "incident" -> incident(rest);
      case "release" -> release(rest);
      case "merge" -> merge(rest);
      case "drill" -> drill(rest);
      case "change" ->
          throw new BadRequestException(
              "a change needs files: use `crew change --file PATH=LOCALFILE` or an edit such as"
                  + " `edit demo deployment/whoami image whoami=traefik/whoami:v1.10.4`"
                  + (freeText ? "" : "; describing it in words needs a model (models.providers)"));
      default -> {
        if (freeText) {
          yield new Ask(trimmed);
        }
        throw new BadRequestException(
            "unknown request '"
                + Quote.bounded(verb)
                + "'; one of: "
                + String.join(", ", VERBS)
                + " (free text needs a model: configure models.providers)");
      }
    };
  }

  private static Request restart(Words w) {
    String usage = "restart needs a workload, like: restart deployment/grafana in monitoring";
    ObjectRef workload = workload(w.next(usage), w.option("in", usage));
    boolean dryRun = w.flag("dry-run");
    w.end(usage);
    return new ClusterAction("restart", workload, null, dryRun);
  }

  private static Request scale(Words w) {
    String usage =
        "scale needs a workload and a count, like: scale deployment/grafana to 2 in apps";
    String target = w.next(usage);
    String replicas = w.option("to", usage);
    String ns = w.option("in", usage);
    boolean dryRun = w.flag("dry-run");
    w.end(usage);
    if (replicas == null || !replicas.matches("[0-9]{1,4}")) {
      throw new BadRequestException(
          replicas == null ? usage : "replicas must be a number from 0 to 9999, got " + replicas);
    }
    return new ClusterAction("scale", workload(target, ns), Integer.parseInt(replicas), dryRun);
  }

  private static Request action(String verb, Words w) {
    String usage = verb + " needs an object, like: " + verb + " KIND/NAME in NAMESPACE";
    String target = w.next(usage);
    String ns = w.option("in", usage);
    boolean dryRun = w.flag("dry-run");
    w.end(usage);
    return new ClusterAction(verb, ObjectRef.parse(target, ns), null, dryRun);
  }

  private static Request kube(Words w) {
    String usage = "kube needs a verb and a resource, like: kube get pods in monitoring";
    String verb = w.next(usage);
    String resource = w.next(usage);
    String ns = w.option("in", usage);
    boolean previous = w.flag("previous");
    String name = w.more() ? w.next(usage) : null;
    w.end(usage);
    return new Kube(verb, resource, name, ns, previous);
  }

  private static Request edit(Words w) {
    String usage =
        "edit needs a repository, an object and one change, like: edit demo deployment/whoami"
            + " image whoami=traefik/whoami:v1.10.4";
    String repo = w.next(usage);
    String object = w.next(usage);
    String ns = w.option("in", usage);
    String what = w.next(usage);
    EditOperation operation = EditOperation.parse(what, w.next(usage));
    boolean dryRun = w.flag("dry-run");
    w.end(usage);
    return new Edit(repo, ObjectRef.parse(object, ns), operation, null, null, dryRun);
  }

  private static Request scan(Words w) {
    String usage =
        "scan needs a repository, like: scan homelab [k8s/apps] [severity high] [show-suppressed]"
            + " [dry-run], or a pull request: scan homelab#12";
    String repo = w.next(usage);
    Integer pr = null;
    if (repo.contains("#")) {
      pr = prNumber(repo.substring(repo.indexOf('#') + 1));
      repo = repo.substring(0, repo.indexOf('#'));
    }
    String severity = w.option("severity", usage);
    boolean showSuppressed = w.flag("show-suppressed");
    boolean dryRun = w.flag("dry-run");
    String path = w.more() ? w.next(usage) : null;
    w.end(usage);
    return new Scan(
        repo,
        null,
        path,
        severity == null ? null : Severity.parse(severity),
        showSuppressed,
        dryRun,
        pr);
  }

  private static Request validate(Words w) {
    String usage = "validate needs a repository, like: validate homelab [pr 42] [base v1.2.0]";
    String first = w.next(usage);
    String base = w.option("base", usage);
    if (first.contains("#")) {
      w.end(usage);
      return new Validate(
          first.substring(0, first.indexOf('#')),
          null,
          base,
          prNumber(first.substring(first.indexOf('#') + 1)));
    }
    String pr = w.option("pr", usage);
    w.end(usage);
    return new Validate(first, null, base, pr == null ? null : prNumber(pr));
  }

  private static Request verify(Words w) {
    String usage = "verify needs an Argo CD application, like: verify grafana [in argocd]";
    String app = w.next(usage);
    String ns = w.option("in", usage);
    String wait = w.option("wait", usage);
    w.end(usage);
    if (wait != null && !wait.matches("[0-9]{1,4}")) {
      throw new BadRequestException("wait is a number of seconds, got " + wait);
    }
    return new Verify(app, ns, wait == null ? 0 : Integer.parseInt(wait));
  }

  private static Request runbook(Words w) {
    String usage =
        "runbook needs a name and an application, like: runbook restart-crash-loop for grafana";
    String name = w.next(usage);
    String app = w.option("for", usage);
    String ns = w.option("in", usage);
    boolean dryRun = w.flag("dry-run");
    w.end(usage);
    if (app == null) {
      throw new BadRequestException(usage);
    }
    return new RunRunbook(name, app, ns, dryRun);
  }

  private static Request incident(Words w) {
    AppIn a = appIn(w, "incident");
    return new Alert(a.app(), a.namespace(), "manual", null, null);
  }

  private static Request triage(Words w) {
    AppIn a = appIn(w, "triage");
    return new Triage(a.app(), a.namespace());
  }

  private record AppIn(String app, String namespace) {}

  /** {@code APP [in NS]}, all that is left of the words. */
  private static AppIn appIn(Words w, String verb) {
    String usage = verb + " needs an Argo CD application, like: " + verb + " grafana [in argocd]";
    String app = w.next(usage);
    String ns = w.option("in", usage);
    w.end(usage);
    return new AppIn(app, ns);
  }

  private static Request release(Words w) {
    String usage = "release plan REPO [MILESTONE] or release cut REPO [MILESTONE]";
    String mode = w.next(usage).toLowerCase(Locale.ROOT);
    String repo = w.next(usage);
    String milestone = w.more() ? w.next(usage) : null;
    boolean dryRun = mode.equals("cut") && w.flag("dry-run");
    w.end(usage);
    return switch (mode) {
      case "plan" -> new ReleasePlan(repo, milestone);
      case "cut" -> new ReleaseCut(repo, milestone, dryRun);
      default -> throw new BadRequestException(usage);
    };
  }

  private static Request merge(Words w) {
    String usage = "merge needs a repository and a pull request, like: merge demo 4";
    String first = w.next(usage);
    String repo = first;
    String pr;
    if (first.contains("#")) {
      repo = first.substring(0, first.indexOf('#'));
      pr = first.substring(first.indexOf('#') + 1);
    } else {
      pr = w.next(usage);
    }
    w.end(usage);
    return new Merge(repo, prNumber(pr));
  }

  private static Request drill(Words w) {
    String usage = "drill needs a fan-out, like: drill fanout 1000 [fail 10] [timeout 5] [work 20]";
    if (!w.more() || !w.next(usage).equals("fanout")) {
      throw new BadRequestException(usage);
    }
    int leaves = w.more() && w.peek().matches("[0-9]+") ? number("N", w.next(usage)) : 100;
    int fail = 10;
    int timeout = 5;
    int work = 20;
    while (w.more()) {
      String key = w.next(usage);
      String value = w.more() ? w.next(usage) : null;
      if (value == null || !List.of("fail", "timeout", "work").contains(key)) {
        throw new BadRequestException("unexpected '" + Quote.bounded(key) + "'; " + usage);
      }
      switch (key) {
        case "fail" -> fail = number(key, value);
        case "timeout" -> timeout = number(key, value);
        default -> work = number(key, value);
      }
    }
    return new Drill(leaves, fail, timeout, work);
  }

  /** A workload: {@code kind/name}, or a bare name meaning a deployment. */
  private static ObjectRef workload(String target, String namespace) {
    return ObjectRef.parse(target.contains("/") ? target : "deployment/" + target, namespace);
  }

  private static int prNumber(String text) {
    if (!text.matches("[1-9][0-9]{0,8}")) {
      throw new BadRequestException(
          "pull request number must be a positive number, got " + Quote.bounded(text));
    }
    return Integer.parseInt(text);
  }

  private static int number(String what, String word) {
    if (!word.matches("[0-9]{1,9}")) {
      throw new BadRequestException(what + " must be a number, got " + Quote.bounded(word));
    }
    return Integer.parseInt(word);
  }

  /** The words after the verb, read left to right; options may come in any order. */
  private static final class Words {
    private final List<String> words;
    private final boolean[] used;
    private int next;

    Words(List<String> words) {
      this.words = words;
      this.used = new boolean[words.size()];
    }

    boolean more() {
      skipUsed();
      return next < words.size();
    }

    String peek() {
      skipUsed();
      return words.get(next);
    }

    String next(String usage) {
      if (!more()) {
        throw new BadRequestException(usage);
      }
      used[next] = true;
      return words.get(next++);
    }

    /** The value after {@code name} (or its short form {@code -n} for {@code in}), if present. */
    String option(String name, String usage) {
      for (int i = next; i < words.size(); i++) {
        String word = words.get(i);
        if (!used[i] && (word.equals(name) || (name.equals("in") && word.equals("-n")))) {
          if (i + 1 >= words.size() || used[i + 1]) {
            throw new BadRequestException("'" + Quote.bounded(word) + "' needs a value; " + usage);
          }
          used[i] = true;
          used[i + 1] = true;
          return words.get(i + 1);
        }
      }
      return null;
    }

    boolean flag(String name) {
      for (int i = next; i < words.size(); i++) {
        if (!used[i] && (words.get(i).equals(name) || words.get(i).equals("--" + name))) {
          used[i] = true;
          return true;
        }
      }
      return false;
    }

    void end(String usage) {
      if (more()) {
        throw new BadRequestException("unexpected '" + peek() + "'; " + usage);
      }
    }

    private void skipUsed() {
      while (next < words.size() && used[next]) {
        next++;
      }
    }
  }
}
