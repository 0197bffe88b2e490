package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's start-up cache, as {@code deploy/Containerfile} makes and uses it: its
 * training script run on a JDK 25 (the image's) with the image's {@code JAVA_TOOL_OPTIONS} makes a
 * cache, and a gateway started with it under {@code -XX:AOTMode=on} (which refuses to start on a
 * cache it cannot use, where the image's default would start without one) becomes ready. No
 * container engine here: the image's own paths are checked to agree instead.
 */
class ImageStartUpCacheIT {

  private static final Path CONTAINERFILE = Path.of("../deploy/Containerfile");
  private static final Path SCRIPT = Path.of("../deploy/start-up-cache.sh");

  @TempDir Path dir;

  @Test
  void theImageStartsOnTheCacheItsBuildMakes() throws Exception {
    String containerfile = Files.readString(CONTAINERFILE);
    Matcher run =
        Pattern.compile("RUN /opt/gitops-crew/start-up-cache.sh (\\S+) (\\S+)")
            .matcher(containerfile);
    assertThat(run.find()).as("the Containerfile runs the training").isTrue();
    assertThat(containerfile)
        .as("the entry point uses the cache the training wrote, for the jar it trained")
        .contains(
            "ENTRYPOINT [\"java\", \"-XX:AOTCache="
                + run.group(2)
                + "\", \"-jar\", \""
                + run.group(1)
                + "\"]")
        .contains("COPY --chown=root:root deploy/start-up-cache.sh /opt/gitops-crew/");
    Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(containerfile);
    assertThat(options.find()).isTrue();
    Optional<Path> jdk = jdk25();
    assumeTrue(jdk.isPresent(), "no JDK 25 or newer installed in /usr/lib/jvm");

    Path jar = GatewayProcess.JAR.toAbsolutePath();
    Path cache = dir.resolve("serve.aot");
    Map<String, String> image =
        Map.of(
            "JAVA_TOOL_OPTIONS",
            options.group(1),
            "PATH",
            jdk.get().resolve("bin") + ":" + System.getenv("PATH"));
    ProcessBuilder training =
        new ProcessBuilder("bash", SCRIPT.toString(), jar.toString(), cache.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("training.log").toFile());
    training.environment().putAll(image);
    training.environment().put("HOME", dir.toString());
    Process p = training.start();
    boolean ended = p.waitFor(4, TimeUnit.MINUTES);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    assertThat(ended).as("the training ends").isTrue();
    assertThat(p.exitValue())
        .as("the training made a cache: %s", Files.readString(dir.resolve("training.log")))
        .isZero();
    assertThat(Files.size(cache)).isPositive();

    Files.createDirectories(dir.resolve("run"));
    try (GatewayProcess gw =
        GatewayProcess.start(
            jdk.get().resolve("bin/java").toString(),
            dir.resolve("run/state"),
            image,
            List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"))) {
      assertThat(gw.awaitReady()).as("ready on the cache: %s", gw.output()).isTrue();
    }
  }

  /** A JDK 25 or newer: this test's own, else one in {@code /usr/lib/jvm}. */
  private static Optional<Path> jdk25() throws Exception {
    List<Path> candidates = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
    Path installed = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(installed)) {
      try (Stream<Path> homes = Files.list(installed)) {
        homes.sorted().forEach(candidates::add);
      }
    }
    for (Path home : candidates) {
      Path release = home.resolve("release");
      if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
        Matcher v = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
        if (v.find() && Integer.parseInt(v.group(1)) >= 25) {
          return Optional.of(home);
        }
      }
    }
    return Optional.empty();
  }
}
