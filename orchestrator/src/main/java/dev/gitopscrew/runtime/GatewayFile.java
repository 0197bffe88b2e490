package dev.gitopscrew.runtime;

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

  public record Entry(String url, long pid) {}

  // built on first use: a command that finds no gateway never pays for Jackson
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final String NAME = "gateway.json";

  private GatewayFile() {}

  public static void write(Path stateDir, Entry entry) throws IOException {
    Files.createDirectories(stateDir);
    Path tmp = stateDir.resolve(NAME + ".tmp");
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
