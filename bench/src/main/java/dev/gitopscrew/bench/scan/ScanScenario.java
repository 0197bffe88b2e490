package dev.gitopscrew.bench.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.bench.CrewProcesses;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.git.DirectoryFiles;
import dev.gitopscrew.roles.scan.ManifestTree;
import dev.gitopscrew.roles.scan.ScanReport;
import dev.gitopscrew.roles.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run scan [APPS]}: {@code crew scan} of a generated GitOps tree of 2,000 manifests
 * (200 applications of 10 objects each: an Argo CD Application, a Kustomize folder with a
 * Deployment, Service, ConfigMap, ServiceAccount, Role, RoleBinding, NetworkPolicy, PDB and an
 * Ingress), half of them with planted problems. Each run is the real command as a user runs it
 * ({@code ./crew scan DIR --json}: its JVM options and class archive). {@code ms} is the slowest of
 * three runs while a gateway runs on the state directory (the CLI then acts through its API),
 * {@code cold_ms} the first of those, {@code gateway_session_ms} the longest the gateway's session
 * took of them (the rest is the CLI's own JVM and the JSON); {@code local_ms} is the slowest of
 * three runs with no gateway (the CLI opens the store itself), next to {@code baseline_local_ms}, a
 * {@code crew sessions list} the same way; {@code engine_ms} is the scan alone in a warm JVM.
 */
public final class ScanScenario implements Scenario {

  private static final Path JAR = Path.of("orchestrator/target/gitops-crew-runner.jar");
  private static final List<String> CREW = List.of("./crew");

  @Override
  public String name() {
    return "scan";
  }

  @Override
  public void run(String[] args) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          "no crew jar at " + JAR.toAbsolutePath() + "; bench/run builds it");
    }
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path work = Files.createTempDirectory("bench-scan");
    Path tree = work.resolve("homelab");
    int manifests = Tree.write(tree, apps);
    System.out.println("generated " + manifests + " manifests under " + tree);

    long engine = Long.MAX_VALUE;
    ScanReport report = null;
    for (int i = 0; i < 6; i++) {
      long start = System.nanoTime();
      report = Scanner.scan(ManifestTree.read(DirectoryFiles.of(tree)), null);
      engine = Math.min(engine, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    System.out.println(
        "in-process: " + report.objects() + " objects, " + report.findings().size() + " findings");

    Path local = work.resolve("local-state");
    crew(local, "sessions", "list");
    long baseline = 0;
    long localMs = 0;
    Run last = null;
    for (int i = 0; i < 3; i++) {
      baseline = Math.max(baseline, crew(local, "sessions", "list").ms);
      last = crew(local, "scan", tree.toString(), "--json");
      localMs = Math.max(localMs, last.ms);
      System.out.println("no gateway, run " + (i + 1) + ": " + last.ms + " ms");
    }
    check(last, manifests, report.findings().size());

    Path state = work.resolve("gateway-state");
    Process gateway = CrewProcesses.serve(state, work.resolve("gateway.log"));
    long cold;
    long slowest = 0;
    long server = 0;
    try {
      cold = crew(state, "scan", tree.toString(), "--json").ms;
      System.out.println("through the gateway, first run: " + cold + " ms");
      for (int i = 0; i < 3; i++) {
        last = crew(state, "scan", tree.toString(), "--json");
        slowest = Math.max(slowest, last.ms);
        server = Math.max(server, serverMs(last.answer));
        System.out.println("through the gateway, run " + (i + 1) + ": " + last.ms + " ms");
      }
    } finally {
      CrewProcesses.stop(gateway);
    }
    check(last, manifests, report.findings().size());
    int findings = report.findings().size();
    System.out.println(
        "BENCH scan manifests="
            + manifests
            + " findings="
            + findings
            + " ms="
            + slowest
            + " cold_ms="
            + cold
            + " gateway_session_ms="
            + server
            + " local_ms="
            + localMs
            + " baseline_local_ms="
            + baseline
            + " engine_ms="
            + engine
            + " files="
            + last.answer.path("data").path("files").asInt());
  }

  private record Run(long ms, JsonNode answer) {}

  /** How long the gateway's root session took, from its own timestamps. */
  private static long serverMs(JsonNode answer) {
    JsonNode root = answer.path("tree").path(0);
    return java.time.Duration.between(
            java.time.Instant.parse(root.path("createdAt").asText()),
            java.time.Instant.parse(root.path("endedAt").asText()))
        .toMillis();
  }

  /** The command saw what the scan in this JVM saw. */
  private static void check(Run run, int manifests, int findings) {
    JsonNode data = run.answer.path("data");
    int counted = 0;
    for (JsonNode count : data.path("counts")) {
      counted += count.asInt();
    }
    if (data.path("objects").asInt() != manifests || counted != findings) {
      throw new IllegalStateException(
          "the command saw "
              + data.path("objects").asInt()
              + " objects and "
              + counted
              + " findings; the tree has "
              + manifests
              + " and the scan "
              + findings);
    }
  }

  /** One {@code crew ARGS --state-dir STATE}, as a user runs it. */
  private static Run crew(Path state, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(CREW);
    command.addAll(List.of(args));
    command.addAll(List.of("--state-dir", state.toString()));
    Path out = Files.createTempFile("bench-scan", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().remove("CREW_CONFIG");
    builder.environment().remove("CREW_GATEWAY_TOKEN");
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("crew " + args[0] + " did not finish within 120 s");
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String printed = Files.readString(out);
    Files.delete(out);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "crew " + args[0] + " exited " + process.exitValue() + ": " + printed);
    }
    JsonNode answer =
        args[args.length - 1].equals("--json") ? new ObjectMapper().readTree(printed) : null;
    return new Run(ms, answer);
  }
}
