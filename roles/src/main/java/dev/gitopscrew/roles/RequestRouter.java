package dev.gitopscrew.roles;

import dev.gitopscrew.roles.Request.Kind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses structured requests and says which agent takes them:
 *
 * <pre>
 * restart [kind/]name [in namespace]          → devops-sre
 * scale [kind/]name to N [in namespace]       → devops-sre
 * change repo description...                  → software-engineer
 * scan repo [path]                            → security-analyst
 * validate repo pr N   |  validate repo#N     → qa-tester
 * verify app [in namespace]                   → qa-tester
 * release plan repo [milestone]               → homelab-admin
 * release repo milestone                      → homelab-admin
 * drill fanout N [fail P] [timeout P] [work MS] → homelab-admin (see {@link Drill})
 * </pre>
 */
public final class RequestRouter {

  private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern MILESTONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");
  private static final List<String> WORKLOADS = List.of("deployment", "statefulset", "daemonset");

  /** Parses one request; a {@link BadRequestException} says what was expected. */
  public Request parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    List<String> words = Arrays.asList(trimmed.split("\\s+"));
    String verb = words.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = words.subList(1, words.size());
    return switch (verb) {
      case "restart" -> workload(Kind.RESTART, rest, trimmed, false);
      case "scale" -> workload(Kind.SCALE, rest, trimmed, true);
      case "change" -> change(rest, trimmed);
      case "scan" -> scan(rest, trimmed);
      case "validate" -> validate(rest, trimmed);
      case "verify" -> verify(rest, trimmed);
      case "release" -> release(rest, trimmed);
      case "drill" -> Drill.parse(rest, trimmed);
      default ->
          throw new BadRequestException(
              (verb.isEmpty() ? "empty request" : "unknown request '" + verb + "'")
                  + "; one of: "
                  + Arrays.stream(Kind.values()).map(Kind::verb).collect(Collectors.joining(", ")));
    };
  }

  /** The agent that takes {@code text}. */
  public KnownAgent route(String text) {
    return parse(text).agent();
  }

  private Request workload(Kind kind, List<String> words, String text, boolean scale) {
    String usage =
        scale
            ? "scale needs a workload and a count, like: scale deployment/grafana to 2 in monitoring"
            : "restart needs a workload, like: restart deployment/grafana in monitoring";
    if (words.isEmpty()) {
      throw new BadRequestException(usage);
    }
    String target = words.get(0);
    String workloadKind = "deployment";
    String name = target;
    if (target.contains("/")) {
      workloadKind = target.substring(0, target.indexOf('/')).toLowerCase(Locale.ROOT);
      name = target.substring(target.indexOf('/') + 1);
      if (!WORKLOADS.contains(workloadKind)) {
        throw new BadRequestException(
            "cannot " + kind.verb() + " a " + workloadKind + "; one of " + WORKLOADS);
      }
    }
    Map<String, String> options = new HashMap<>();
    options.put("namespace", "default");
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      if ((word.equals("in") || word.equals("-n")) && i + 1 < words.size()) {
        options.put("namespace", k8sName("namespace", words.get(++i)));
      } else if (scale && word.equals("to") && i + 1 < words.size()) {
        options.put("replicas", replicas(words.get(++i)));
      } else {
        throw new BadRequestException("unexpected '" + word + "'; " + usage);
      }
    }
    if (scale && !options.containsKey("replicas")) {
      throw new BadRequestException(usage);
    }
    return new Request(kind, workloadKind + "/" + k8sName("workload name", name), options, text);
  }

  private Request change(List<String> words, String text) {
    if (words.size() < 2) {
      throw new BadRequestException(
          "change needs a repository and what to change, like: change homelab raise grafana memory"
              + " to 512Mi");
    }
    String repo = repo(words.get(0).replaceAll(":$", ""));
    String description = String.join(" ", words.subList(1, words.size()));
    return new Request(Kind.CHANGE, repo, Map.of("description", description), text);
  }

  private Request scan(List<String> words, String text) {
    if (words.isEmpty() || words.size() > 2) {
      throw new BadRequestException("scan needs a repository, like: scan homelab [k8s/apps]");
    }
    Map<String, String> options = new HashMap<>();
    if (words.size() == 2) {
      String path = words.get(1);
      if (path.contains("..") || path.startsWith("/") || path.chars().anyMatch(c -> c < 0x20)) {
        throw new BadRequestException("scan path must stay inside the repository: " + path);
      }
      options.put("path", path);
    }
    return new Request(Kind.SCAN, repo(words.get(0)), options, text);
  }

  private Request validate(List<String> words, String text) {
    String usage = "validate needs a repository and a pull request, like: validate homelab pr 42";
    String repo;
    String pr;
    if (words.size() == 1 && words.get(0).contains("#")) {
      repo = words.get(0).substring(0, words.get(0).indexOf('#'));
      pr = words.get(0).substring(words.get(0).indexOf('#') + 1);
    } else if (words.size() == 3 && words.get(1).equalsIgnoreCase("pr")) {
      repo = words.get(0);
      pr = words.get(2);
    } else {
      throw new BadRequestException(usage);
    }
    if (!pr.matches("[1-9][0-9]{0,8}")) {
      throw new BadRequestException("pull request number must be a positive number, got " + pr);
    }
    return new Request(Kind.VALIDATE, repo(repo), Map.of("pr", pr), text);
  }

  private Request verify(List<String> words, String text) {
    if (words.size() != 1 && !(words.size() == 3 && words.get(1).equals("in"))) {
      throw new BadRequestException(
          "verify needs an Argo CD application, like: verify grafana [in argocd]");
    }
    Map<String, String> options = new HashMap<>();
    options.put("namespace", words.size() == 3 ? k8sName("namespace", words.get(2)) : "argocd");
    return new Request(Kind.VERIFY, k8sName("application", words.get(0)), options, text);
  }

  private Request release(List<String> words, String text) {
    boolean plan = !words.isEmpty() && words.get(0).equalsIgnoreCase("plan");
    List<String> rest = plan ? words.subList(1, words.size()) : words;
    if (plan ? rest.isEmpty() || rest.size() > 2 : rest.size() != 2) {
      throw new BadRequestException(
          plan
              ? "release plan needs a repository, like: release plan homelab [v1.4]"
              : "release needs a repository and a milestone, like: release homelab v1.4");
    }
    Map<String, String> options = new HashMap<>();
    if (rest.size() == 2) {
      String milestone = rest.get(1);
      if (!MILESTONE.matcher(milestone).matches()) {
        throw new BadRequestException("not a milestone name: " + milestone);
      }
      options.put("milestone", milestone);
    }
    return new Request(plan ? Kind.RELEASE_PLAN : Kind.RELEASE, repo(rest.get(0)), options, text);
  }

  private static String replicas(String word) {
    if (!word.matches("[0-9]{1,4}")) {
      throw new BadRequestException("replicas must be a number from 0 to 9999, got " + word);
    }
    return String.valueOf(Integer.parseInt(word));
  }

  private static String k8sName(String what, String name) {
    if (!K8S_NAME.matcher(name).matches()) {
      throw new BadRequestException(
          "not a valid " + what + " (lowercase letters, digits, '-' and '.'): " + name);
    }
    return name;
  }

  private static String repo(String name) {
    if (!REPO.matcher(name).matches() || name.contains("..")) {
      throw new BadRequestException("not a repository name from the configuration: " + name);
    }
    return name;
  }
}
