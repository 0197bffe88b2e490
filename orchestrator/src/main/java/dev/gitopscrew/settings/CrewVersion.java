package dev.gitopscrew.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The crew's version as the build wrote it (the project version, {@code 0.1.0-SNAPSHOT} for a
 * development build): what {@code crew --version} prints and the Discord {@code User-Agent}
 * carries. Maven filters {@code crew-version.txt} (src/main/resources-filtered) with it.
 */
public final class CrewVersion {

  static final String RESOURCE = "crew-version.txt";

  private static final Optional<String> VERSION = read();

  private CrewVersion() {}

  /** The version, or empty when these classes were built without the filtered resource. */
  public static Optional<String> current() {
    return VERSION;
  }

  private static Optional<String> read() {
    try (InputStream in = CrewVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      String v = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return v.isEmpty() || v.startsWith("${") ? Optional.empty() : Optional.of(v);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
