package dev.gitopscrew.bench.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Ingress), half of them with planted problems. {@code ms} is the wall time of the real command
 * ({@code quarkus-run.jar scan DIR}, the JVM options of {@code ./crew}) on an existing state
 * directory, the slowest of three; {@code cold_ms} is the first run on a new one; {@code engine_ms}
 * is the scan alone in a warm JVM.
 */
public final class ScanScenario implements Scenario {

  private static final Path JAR = Path.of("orchestrator/target/quarkus-app/quarkus-run.jar");

  @Override
  public String name() {
    return "scan";
  }

  @Override
  public void run(String[] args) throws Exception {
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

    Path state = work.resolve("state");
    Run cold = crew(tree, state);
    System.out.println("first run on a new state directory: " + cold.ms + " ms");
    long slowest = 0;
    Run last = cold;
    for (int i = 0; i < 3; i++) {
      last = crew(tree, state);
      slowest = Math.max(slowest, last.ms);
      System.out.println("run " + (i + 1) + ": " + last.ms + " ms");
    }
    JsonNode data = last.answer.path("data");
    int findings = 0;
    for (JsonNode count : data.path("counts")) {
      findings += count.asInt();
    }
    if (data.path("objects").asInt() != manifests || findings != report.findings().size()) {
      throw new IllegalStateException(
          "the command saw "
              + data.path("objects").asInt()
              + " objects and "
              + findings
              + " findings; the tree has "
              + manifests
              + " and the scan "
              + report.findings().size());
    }
    System.out.println(
        "BENCH scan manifests="
            + manifests
            + " findings="
            + findings
            + " ms="
            + slowest
            + " cold_ms="
            + cold.ms
            + " engine_ms="
            + engine
            + " files="
            + data.path("files").asInt());
  }

  private record Run(long ms, JsonNode answer) {}

  /** One {@code crew scan DIR --json}, as a user runs it. */
  private static Run crew(Path tree, Path state) throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          "no crew jar at " + JAR.toAbsolutePath() + "; bench/run builds it");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                "java",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-XX:MaxRAM=512m",
                "-jar",
                JAR.toString(),
                "scan",
                tree.toString(),
                "--json",
                "--state-dir",
                state.toString()));
    Path out = Files.createTempFile("bench-scan", ".json");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().remove("CREW_CONFIG");
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("crew scan did not finish within 120 s");
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "crew scan exited " + process.exitValue() + ": " + Files.readString(out));
    }
    JsonNode answer = new ObjectMapper().readTree(Files.readString(out));
    Files.delete(out);
    return new Run(ms, answer);
  }
}
