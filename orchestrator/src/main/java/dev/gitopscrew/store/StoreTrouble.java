package dev.gitopscrew.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Why the state store refused a read or a write, in words for the person who runs the gateway: no
 * SQL, no class names. {@link Kind#DISK_FULL} and {@link Kind#UNAVAILABLE} pass by themselves
 * (space freed, the store reopened); {@link Kind#FAILED} is anything else.
 */
public record StoreTrouble(Kind kind, String reason) {

  public enum Kind {
    DISK_FULL,
    UNAVAILABLE,
    FAILED
  }

  // H2: database closed, closed at shutdown, connection broken, file in use by another process
  private static final Set<Integer> H2_UNAVAILABLE = Set.of(90098, 90121, 90067, 90020);
  private static final String POSTGRES_DISK_FULL = "53100";
  // below this, the state directory counts as full even when the error does not say so
  private static final long NEARLY_FULL = 1024 * 1024;

  /**
   * What {@code failure} means for a store whose files are in {@code dir} (null for a server's
   * store, such as PostgreSQL).
   */
  static StoreTrouble of(Throwable failure, Path dir) {
    boolean unavailable = false;
    boolean inUse = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof IOException
          && (message.contains("No space left") || message.contains("Disk quota exceeded"))) {
        return diskFull(dir);
      }
      if (t instanceof SQLException sql) {
        if (POSTGRES_DISK_FULL.equals(sql.getSQLState())) {
          return diskFull(dir);
        }
        String state = String.valueOf(sql.getSQLState());
        unavailable |=
            H2_UNAVAILABLE.contains(sql.getErrorCode())
                || state.startsWith("08")
                || sql instanceof SQLTransientConnectionException;
        inUse |= sql.getErrorCode() == 90020;
      }
    }
    if (dir != null && usableSpace(dir) < NEARLY_FULL) {
      return diskFull(dir);
    }
    if (inUse) {
      return new StoreTrouble(
          Kind.UNAVAILABLE,
          "the state store is held by another process (a crew command?): nothing was stored;"
              + " retry shortly");
    }
    if (unavailable) {
      return new StoreTrouble(
          Kind.UNAVAILABLE,
          dir == null
              ? "the state store's database server is unreachable: nothing was stored; retry"
                  + " shortly"
              : "the state store was closed and is being reopened: nothing was stored; retry"
                  + " shortly");
    }
    return new StoreTrouble(
        Kind.FAILED, "the state store could not complete the operation; see the gateway's log");
  }

  private static StoreTrouble diskFull(Path dir) {
    if (dir == null) {
      return new StoreTrouble(
          Kind.DISK_FULL,
          "the state store's database server has no disk space left: nothing was stored;"
              + " free space there and retry");
    }
    return new StoreTrouble(
        Kind.DISK_FULL,
        "the disk of the state directory "
            + dir
            + " is full ("
            + Math.max(0, usableSpace(dir)) / 1024
            + " KiB free): nothing was stored; free space there and retry");
  }

  private static long usableSpace(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE; // unknown: not counted as full
    }
  }
}
