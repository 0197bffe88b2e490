package dev.gitopscrew.settings;

import dev.failsafe.Failsafe;
import dev.gitopscrew.retry.Retries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@code <state-dir>/gateway.lock}: held by a running gateway for its whole life, its process id
 * inside, so that a second {@code crew serve} on the same state directory says at once which
 * process holds it instead of waiting for the store. Taking it also proves the directory writable.
 */
public final class StateDirLock implements AutoCloseable {

  private static final String NAME = "gateway.lock";

  private final FileChannel channel;

  private StateDirLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Why a lock could not be taken: one line, with the fix. */
  public static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Takes the lock of {@code stateDir}, creating the directory if needed. */
  public static StateDirLock take(Path stateDir) throws Refused {
    FileChannel channel;
    try {
      Files.createDirectories(stateDir);
      channel =
          FileChannel.open(
              stateDir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new Refused(
          "cannot use the state directory "
              + stateDir
              + " ("
              + reason(e)
              + "): give --state-dir (or CREW_STATE_DIR) a directory this user can write");
    }
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new Refused(
            "the state directory "
                + stateDir
                + " is in use by a running gateway ("
                + holder(stateDir)
                + "): stop that one, or give this one another --state-dir");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
      channel.force(false);
      return new StateDirLock(channel);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new Refused(
          "cannot lock the state directory "
              + stateDir
              + " ("
              + reason(e)
              + "): give --state-dir (or CREW_STATE_DIR) a local directory this user can write");
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this very process holds it
    }
  }

  /** The holder's pid (and address, once it listens), as far as can be read. */
  private static String holder(Path stateDir) {
    // the holder writes its pid just after taking the lock: give it a moment to
    Optional<Long> pid = Failsafe.with(Retries.<Long>lockHolder()).get(() -> pid(stateDir));
    String url = GatewayFile.read(stateDir).map(e -> ", " + e.url()).orElse("");
    return pid.map(p -> "pid " + p + url).orElse("pid unknown" + url);
  }

  private static Optional<Long> pid(Path stateDir) {
    try {
      String text = Files.readString(stateDir.resolve(NAME), StandardCharsets.US_ASCII).strip();
      return text.matches("\\d{1,19}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file, not a directory, is in the way";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the channel either way
    }
  }

  /** Lets the lock go (the process's end does it too). */
  @Override
  public void close() {
    closeQuietly(channel);
  }
}
