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

  /** One command of the tour: its key in the BENCH line, its words, the exit the tour expects. */
  public record Step(String key, List<String> words, int exit, boolean stateDir) {
    static Step of(String key, int exit, String... words) {
      return new Step(key, List.of(words), exit, true);
    }
  }

  /** The README's tour, in its order, with the listing of approvals and one session's tree. */
  public static List<Step> steps(Path replicas) {
    String image = "whoami=traefik/whoami:v1.10.4";
    return List.of(
        new Step("help", List.of("--help"), 0, false),
        new Step("version", List.of("--version"), 0, false),
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
        new Step("help_requests", List.of("help", "requests"), 0, false),
        Step.of("kube_delete", 1, "kube", "delete", "deployment", "grafana", "-n", "monitoring"),
        Step.of("runbook_list", 0, "runbook", "list"),
        Step.of("incidents_list", 0, "incidents", "list"),
        Step.of("sessions_list", 0, "sessions", "list"),
        Step.of("sessions_show", 0, "sessions", "show", "3"),
        Step.of("approve_list", 0, "approve"),
        Step.of("forge_list", 0, "forge", "list"),
        Step.of("forge_merge", 0, "forge", "merge", "2"),
        Step.of("release_plan", 0, "release", "plan"),
        Step.of("release_cut", 0, "release", "cut", "--yes"));
  }
}
