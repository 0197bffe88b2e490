package dev.gitopscrew.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/**
 * One thread writes for everyone (sessions, webhook deliveries): writes queued while a commit is
 * under way go into the next transaction together, so a burst of spawns and ends costs one commit
 * (one chunk written by the embedded store) instead of one each. A caller returns only once its
 * write is committed, so a result is in the file before anyone is told, as with a commit of its
 * own.
 */
public final class GroupCommit implements AutoCloseable {

  /** One write, run inside the shared transaction. */
  @FunctionalInterface
  public interface Write<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A queued write; its outcome is handed out only after the commit. */
  private static final class Pending<T> {
    final Write<T> write;
    final CompletableFuture<T> done = new CompletableFuture<>();
    private T result;
    private Throwable failure;

    Pending(Write<T> write) {
      this.write = write;
    }

    /**
     * Runs the write, among others in its own savepoint: a failed write is undone whole and the
     * others still commit (PostgreSQL would otherwise abort the whole transaction at the first
     * error). A write alone needs none: its transaction is rolled back instead.
     */
    void runIn(Connection c, boolean amongOthers) throws SQLException {
      Savepoint before = amongOthers ? c.setSavepoint() : null;
      try {
        result = write.run(c);
        if (before != null) {
          c.releaseSavepoint(before);
        }
      } catch (SQLException | RuntimeException | Error e) {
        if (before != null && !ReopeningDataSource.closedAndShutDown(c)) {
          c.rollback(before);
        }
        failure = e;
      }
    }

    void committed() {
      if (failure == null) {
        done.complete(result);
      } else {
        done.completeExceptionally(failure);
      }
    }
  }

  private static final int MAX_BATCH = 256;
  private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);

  private static final Pending<Void> STOP = new Pending<>(c -> null);

  private final DataSource dataSource;
  private final String name;
  private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  // used by the writer thread only
  private Connection connection;
  // guarded by queue
  private boolean closed;

  /**
   * @param name what it writes, for its thread's name and its errors ({@code session})
   */
  public GroupCommit(DataSource dataSource, String name) {
    this.dataSource = dataSource;
    this.name = name;
    this.writer = new Thread(this::writeLoop, "crew-" + name + "-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Runs {@code write} in the next group transaction and returns once that is committed. */
  public <T> T call(Write<T> write) throws SQLException {
    Pending<T> pending = new Pending<>(write);
    synchronized (queue) {
      if (closed) {
        throw new StateStoreException("the " + name + " writer is stopped", null);
      }
      queue.add(pending);
    }
    try {
      return pending.done.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new StateStoreException("the " + name + " writer failed: " + cause, cause);
    }
  }

  private void writeLoop() {
    List<Pending<?>> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = batch.remove(STOP);
      commit(batch);
      batch.clear();
      if (stop) {
        break;
      }
    }
    closeConnection();
    queue.drainTo(batch);
    batch.remove(STOP);
    for (Pending<?> p : batch) {
      p.done.completeExceptionally(
          new StateStoreException("the " + name + " writer stopped", null));
    }
  }

  private void commit(List<Pending<?>> batch) {
    try {
      Connection c = connection();
      try {
        boolean alone = batch.size() == 1;
        for (Pending<?> p : batch) {
          p.runIn(c, !alone);
        }
        if (alone && batch.get(0).failure != null) {
          if (!ReopeningDataSource.closedAndShutDown(c)) {
            c.rollback();
          }
        } else {
          c.commit();
        }
        batch.forEach(Pending::committed);
      } catch (SQLException | RuntimeException e) {
        if (!ReopeningDataSource.closedAndShutDown(c)) {
          c.rollback();
        }
        throw e;
      }
    } catch (SQLException | RuntimeException | Error e) {
      closeConnection();
      for (Pending<?> p : batch) {
        p.done.completeExceptionally(e);
      }
    }
  }

  /** The writer's own connection, kept open so its session reuses the parsed statements. */
  private Connection connection() throws SQLException {
    if (connection != null && ReopeningDataSource.closedUnderneath(connection) != null) {
      closeConnection(); // the store was closed meanwhile: a new connection reopens it
    }
    if (connection == null) {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // a broken connection is dropped; the next batch opens another
      }
      connection = null;
    }
  }

  /**
   * Stops the writer after the writes already queued, and waits (boundedly) until it has let go of
   * its connection; later writes fail. Never interrupts it: an interrupt during file I/O would
   * close the embedded store's file.
   */
  @Override
  public void close() {
    synchronized (queue) {
      if (!closed) {
        closed = true;
        queue.add(STOP);
      }
    }
    if (Thread.currentThread() != writer) {
      try {
        writer.join(CLOSE_WITHIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
