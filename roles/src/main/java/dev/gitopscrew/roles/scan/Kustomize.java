package dev.gitopscrew.roles.scan;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl kustomize}, the Kustomize the machines already have, run on a folder: what Argo CD
 * deploys from a Kustomize overlay. Plugins and Helm inflation stay off (kubectl's defaults), and
 * {@link Renders} never passes a tree with remote bases, so a scan never fetches.
 */
public final class Kustomize {

  /** Why a folder could not be rendered: the tool is missing, or it said why. */
  public static final class Failed extends Exception {
    Failed(String message) {
      super(message);
    }
  }

  private static final long TIMEOUT_SECONDS = 60;

  /** {@code E1207 17:05:20.495 run.go:72] "command failed" err="the reason"}. */
  private static final Pattern LOGGED = Pattern.compile("err=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Path kubectl;

  private Kustomize(Path kubectl) {
    this.kubectl = kubectl;
  }

  /** The {@code kubectl} on the {@code PATH}, or one that says it is missing. */
  public static Kustomize onPath() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return new Kustomize(candidate);
      }
    }
    return new Kustomize(null);
  }

  /** A {@code kubectl} at a given place (null: none), for tests and odd installs. */
  public static Kustomize at(Path kubectl) {
    return new Kustomize(kubectl != null && Files.isExecutable(kubectl) ? kubectl : null);
  }

  public boolean available() {
    return kubectl != null;
  }

  /** The rendered YAML of the kustomization in {@code dir}. */
  String build(Path dir) throws Failed {
    if (kubectl == null) {
      throw new Failed("kubectl is not installed");
    }
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      // files, not pipes: nothing has to drain them while the builds run side by side
      out = Files.createTempFile("crew-kustomize-", ".yaml");
      err = Files.createTempFile("crew-kustomize-", ".err");
      // the default load restrictor keeps generators inside the copy of the repository
      process =
          new ProcessBuilder(List.of(kubectl.toString(), "kustomize", dir.toString()))
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new Failed("kubectl kustomize took more than " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new Failed(reason(Files.readString(err), dir));
      }
      return Files.readString(out);
    } catch (IOException e) {
      throw new Failed("kubectl kustomize did not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed("interrupted");
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly(); // an interrupted scan leaves no kubectl behind
      }
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }

  /** The first line of kubectl's complaint, without its log prefix or the copy's folder. */
  static String reason(String stderr, Path dir) {
    String reason = stderr.strip().replace(dir.toString() + "/", "");
    Matcher logged = LOGGED.matcher(reason);
    if (logged.find()) {
      reason = logged.group(1).replace("\\\"", "\"").replace("\\n", " ");
    }
    int newline = reason.indexOf('\n');
    return newline < 0 ? reason : reason.substring(0, newline);
  }
}
