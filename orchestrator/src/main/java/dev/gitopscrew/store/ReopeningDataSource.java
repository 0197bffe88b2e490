package dev.gitopscrew.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The pool, with each connection checked before it is handed out. When the embedded H2 database is
 * closed underneath (its disk filled up, an OutOfMemoryError in a writer, a {@code SHUTDOWN}),
 * every pooled connection to it still passes Hikari's {@code isValid}, so the pool would hand out
 * dead connections until a restart. Here they are evicted instead, and the next connection opens
 * the database again on the same file, where every committed write is ({@code WRITE_DELAY=0}).
 */
final class ReopeningDataSource implements DataSource {

  private static final System.Logger LOG = System.getLogger(ReopeningDataSource.class.getName());
  private static final int ATTEMPTS = 3;

  private final HikariDataSource pool;
  private final AtomicBoolean reopening = new AtomicBoolean();

  ReopeningDataSource(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Connection c = pool.getConnection();
      String closed = closedUnderneath(c);
      if (closed == null) {
        if (reopening.compareAndSet(true, false)) {
          LOG.log(System.Logger.Level.INFO, "state store: the embedded database is open again");
        }
        return c;
      }
      if (reopening.compareAndSet(false, true)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "state store: the embedded database was closed ({0}); reopening it on the same file",
            closed);
      }
      finishClosing(c);
      pool.getHikariPoolMXBean().softEvictConnections();
      pool.evictConnection(c);
      if (attempt == ATTEMPTS) {
        throw new SQLTransientConnectionException(
            "the state store was closed and is being reopened", "08003");
      }
    }
  }

  /** Why the H2 database behind {@code c} is closed, or null while it is open (or not H2). */
  static String closedUnderneath(Connection c) throws SQLException {
    if (!c.isWrapperFor(JdbcConnection.class)
        || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return null;
    }
    if (session.isClosed() || session.getDatabase().isClosing()) {
      return "shut down";
    }
    var store = session.getDatabase().getStore();
    if (store != null && store.getMvStore().isClosed()) {
      Throwable panic = store.getMvStore().getPanicException();
      return panic == null ? "its file was closed" : rootMessage(panic);
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /**
   * A database whose file store failed stays registered, and a new connection would get it again;
   * worse, H2 spins for ever on the next statement of a session inside a transaction there (a
   * rollback included). Shutting it down makes every such call fail at once instead.
   */
  static void finishClosing(Connection c) {
    try {
      if (c.isWrapperFor(JdbcConnection.class)
          && c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
          && !session.isClosed()
          // once only: H2 unregisters a database by its name, so shutting the old one down again
          // after the file was reopened would unregister the new one, and every further
          // connection would open the file a second time and find it locked
          && !session.getDatabase().isClosing()) {
        session.getDatabase().shutdownImmediately();
      }
    } catch (SQLException | RuntimeException alreadyGone) {
      // closed meanwhile: what was wanted
    }
  }

  /** Before a rollback after a failed write: true when the store is gone and nothing can run. */
  static boolean closedAndShutDown(Connection c) {
    try {
      if (closedUnderneath(c) == null) {
        return false;
      }
    } catch (SQLException e) {
      return false;
    }
    finishClosing(c);
    return true;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the state store's pool has its own credentials");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(pool) || pool.isWrapperFor(type);
  }

  void close() {
    pool.close();
  }
}
