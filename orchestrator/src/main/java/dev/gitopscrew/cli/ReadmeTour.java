package dev.gitopscrew.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The README's tour as commands: what the start-up training runs ({@link StartupTraining}) and what
 * {@code bench/run cli} times, with the exit status each has on a fresh demo, in the README's
 * order.
 */
public final class ReadmeTour {

  private ReadmeTour() {}

  /**
   * One command of the tour: its key in the BENCH line, its words, the exit the tour expects,
   * whether it takes {@code --state-dir}, and whether the README's tour shows it (DocsTest holds
   * the README to these).
   */
  public record Step(String key, List<String> words, int exit, boolean stateDir, boolean shown) {
    /** A command of the README's tour, on the state directory. */
    static Step of(String key, int exit, String... words) {
      return new Step(key, List.of(words), exit, true, true);
    }

    /** A command the tour runs besides the README's, on the state directory. */
    static Step extra(String key, int exit, String... words) {
      return new Step(key, List.of(words), exit, true, false);
    }
  }

  /**
   * The README's tour, in its order, with {@code --help}, {@code --version}, one session's tree and
   * the listing of approvals besides. {@code replicas} is the file the README writes to {@code
   * /tmp/replicas.yaml}.
   */
  public static List<Step> steps(Path replicas) {
    String image = "whoami=traefik/whoami:v1.10.4";
    return List.of(
        new Step("help", List.of("--help"), 0, false, false),
        new Step("version", List.of("--version"), 0, false, false),
        Step.of(
            "edit_dry_run",
            0,
            "edit",
            "--repo",
            "demo",
            "deployment/whoami",
            "--image",
            image,
            "--dry-run"),
        Step.of("edit", 0, "edit", "--repo", "demo", "deployment/whoami", "--image", image),
        Step.of("audit", 0, "audit", "--session", "3"),
        Step.of(
            "change",
            0,
            "change",
            "--repo",
            "demo",
            "--type",
            "fix",
            "--title",
            "Run two whoami replicas",
            "--file",
            "k8s/apps/whoami/replicas.yaml=" + replicas),
        Step.of("validate", 1, "validate", "demo", "--pr", "2"),
        Step.of("scan_dry_run", 0, "scan", "demo", "--dry-run"),
        Step.of("scan", 0, "scan", "demo"),
        Step.of("ask", 1, "ask", "restart deployment/homepage in apps"),
        new Step("help_requests", List.of("help", "requests"), 0, false, true),
        Step.of("kube_delete", 1, "kube", "delete", "deployment", "grafana", "-n", "monitoring"),
        Step.of("runbook_list", 0, "runbook", "list"),
        Step.of("incidents_list", 0, "incidents", "list"),
        Step.of("sessions_list", 0, "sessions", "list"),
        Step.extra("sessions_show", 0, "sessions", "show", "3"),
        Step.extra("approve_list", 0, "approve"),
        Step.of("forge_list", 0, "forge", "list"),
        Step.of("forge_merge", 0, "forge", "merge", "2"),
        Step.of("release_plan", 0, "release", "plan"),
        Step.of("release_cut", 0, "release", "cut", "--yes"));
  }
}
