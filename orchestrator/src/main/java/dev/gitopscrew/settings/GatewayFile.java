package dev.gitopscrew.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <state-dir>/gateway.json}: written by a running gateway so that CLI commands on the same
 * state directory act through its API instead of opening the store a second time.
 */
public final class GatewayFile {

  /**
   * @param localKey a secret only readers of the state directory know: a CLI command that presents
   *     it acts for a person at this machine's command line (it may name any local folder)
   * @param config the absolute path of the configuration file the gateway runs with, null for its
   *     embedded defaults
   */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(String url, long pid, String localKey, String config) {

    /**
     * One line for a CLI command that acts through this gateway while it loaded {@code cliConfig}:
     * empty when that is the file the gateway runs with, or when the command named no file.
     */
    public Optional<String> configNotice(Optional<Path> cliConfig) {
      if (cliConfig.isEmpty()) {
        return Optional.empty();
      }
      String mine = canonical(cliConfig.get());
      if (config != null && canonical(Path.of(config)).equals(mine)) {
        return Optional.empty();
      }
      return Optional.of(
          "note: the gateway running on this state directory ("
              + url
              + ") uses "
              + (config == null ? "its embedded defaults (no configuration file)" : config)
              + "; "
              + mine
              + " is not the one it runs with, and this command acts through the gateway, so "
              + mine
              + " is not used here (restart the gateway with it, or give this command another"
              + " --state-dir)");
    }
  }

  /** The path a file is known by: its real path when it exists, else its absolute one. */
  public static String canonical(Path file) {
    try {
      return file.toRealPath().toString();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize().toString();
    }
  }

  /** The header a CLI command presents {@link Entry#localKey} in. */
  public static final String LOCAL_KEY_HEADER = "X-Crew-Local-Key";

  // built on first use: a command that finds no gateway never pays for Jackson
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final String NAME = "gateway.json";

  private GatewayFile() {}

  public static void write(Path stateDir, Entry entry) throws IOException {
    Files.createDirectories(stateDir);
    Path tmp = stateDir.resolve(NAME + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Json.MAPPER.writeValue(tmp.toFile(), entry);
    Files.move(tmp, stateDir.resolve(NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The gateway recorded for this state directory, if its process is still alive. */
  public static Optional<Entry> read(Path stateDir) {
    Path file = stateDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Entry entry = Json.MAPPER.readValue(file.toFile(), Entry.class);
      boolean alive = ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(entry) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static void remove(Path stateDir) {
    try {
      Files.deleteIfExists(stateDir.resolve(NAME));
    } catch (IOException e) {
      // a stale file is ignored by read(): its process is gone
    }
  }
}
