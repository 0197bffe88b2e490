package dev.gitopscrew.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The state store: an embedded H2 database under the state directory (or any JDBC URL, such as
 * PostgreSQL), its schema migrated when opened. Repositories take its {@link DataSource}.
 */
public final class StateStore implements StoreHealth, AutoCloseable {

  private static final String POSTGRES = "jdbc:postgresql:";
  private static final int H2_IN_USE = 90020;
  private static final String TYPES_SCHEMA = "crew_types";

  private final ReopeningDataSource pool;
  private final String url;
  // the embedded store's directory (its disk is checked when a write fails); null for a server's
  private final Path dir;

  private StateStore(HikariDataSource pool, String url, Path dir) {
    this.pool = new ReopeningDataSource(pool);
    this.url = url;
    this.dir = dir;
  }

  /** Opens the embedded store under {@code stateDir}, creating and migrating it if needed. */
  public static StateStore openEmbedded(Path stateDir) {
    return openEmbedded(stateDir, Duration.ZERO, () -> {});
  }

  /**
   * Opens the embedded store, waiting up to {@code wait} while another process holds it (a CLI
   * command running a request): the embedded store has one user at a time, so commands take turns
   * instead of failing. {@code waiting} runs once, when the wait begins.
   */
  public static StateStore openEmbedded(Path stateDir, Duration wait, Runnable waiting) {
    Path dir = stateDir.resolve("state");
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StateStoreException("cannot create the state directory " + dir + ": " + e, e);
    }
    StoreTemplate.seed(dir);
    // WRITE_DELAY=0: a commit reaches the file before it returns, so a kill -9 loses no result.
    // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM H2's own hook closed the database while the gateway
    // still wrote what its shutdown finalises; the pool's close ends it instead.
    // retry: Java closes a file channel under a thread interrupted mid-write, which closed the
    // whole database for every thread; H2's retry file system reopens it (InterruptedWriterTest).
    String url =
        "jdbc:h2:retry:"
            + dir.toAbsolutePath().resolve("crew")
            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    if (wait.isZero()) {
      return open(url, "sa", "", dir);
    }
    java.util.concurrent.atomic.AtomicBoolean told =
        new java.util.concurrent.atomic.AtomicBoolean();
    RetryPolicy<StateStore> whileLocked =
        RetryPolicy.<StateStore>builder()
            .handleIf(StateStore::inUse)
            .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
            .withMaxDuration(wait)
            .withMaxRetries(-1)
            .onRetry(
                e -> {
                  if (told.compareAndSet(false, true)) {
                    waiting.run();
                  }
                })
            .build();
    try {
      return Failsafe.with(whileLocked).get(() -> open(url, "sa", "", dir));
    } catch (StateStoreException e) {
      throw inUse(e)
          ? new StateStoreException(
              e.getMessage() + " (waited " + wait.toSeconds() + " s for it)", e.getCause())
          : e;
    }
  }

  private static boolean inUse(Throwable e) {
    return e instanceof StateStoreException s
        && s.getCause() instanceof SQLException sql
        && sql.getErrorCode() == H2_IN_USE;
  }

  /**
   * Opens a store at a JDBC URL and migrates it: the embedded H2 one, or PostgreSQL ({@code
   * jdbc:postgresql://host:5432/db}, from {@code state.url}).
   */
  public static StateStore open(String url, String user, String password) {
    return open(url, user, password, null);
  }

  private static StateStore open(String url, String user, String password, Path dir) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource(url, user, password));
    config.setMaximumPoolSize(16);
    config.setMinimumIdle(2);
    config.setPoolName("crew-state");
    // a store that cannot hand out a connection for this long is down: say so (readiness, a 503)
    // rather than hold the caller for Hikari's default 30 s
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    HikariDataSource pool;
    try {
      // the pool opens a first connection, which surfaces a locked or unreadable store at once
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      SQLException cause =
          e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
      throw new StateStoreException(describe(cause, url), cause);
    }
    try {
      if (url.startsWith(POSTGRES)) {
        clobDomain(pool);
      }
      // Flyway costs a CLI command about half a second (its classes, reading every script): a
      // store already at this build's schema skips it
      if (appliedVersion(pool) != SCHEMA_VERSION) {
        Flyway.configure(StateStore.class.getClassLoader())
            .dataSource(pool)
            .locations("classpath:db/migration")
            .load()
            .migrate();
      }
    } catch (RuntimeException | SQLException e) {
      pool.close();
      throw new StateStoreException(
          "cannot migrate the state store " + safe(url) + ": " + e.getMessage(), e);
    }
    return new StateStore(pool, url, dir);
  }

  /** The highest migration in {@code db/migration}; a test keeps it in step with the files. */
  static final int SCHEMA_VERSION = 21;

  /** The newest migration applied, or -1 before the first one (or when unreadable). */
  static int appliedVersion(DataSource pool) {
    try (var c = pool.getConnection();
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
      int max = -1;
      while (rs.next()) {
        max = Math.max(max, Integer.parseInt(rs.getString(1)));
      }
      return max;
    } catch (SQLException | NumberFormatException e) {
      return -1;
    }
  }

  private static DataSource dataSource(String url, String user, String password) {
    // a data source rather than a driver looked up by URL: DriverManager may refuse a driver
    // registered by another class loader
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user);
      h2.setPassword(password);
      return h2;
    }
    if (url.startsWith(POSTGRES)) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(user);
      pg.setPassword(password);
      pg.setApplicationName("gitops-crew");
      // the crew's tables in the URL's schema (public by default), the clob type beside them
      String schema = pg.getCurrentSchema();
      pg.setCurrentSchema((schema == null ? "public" : schema) + "," + TYPES_SCHEMA);
      return pg;
    }
    throw new StateStoreException(
        "state.url must be a PostgreSQL URL (jdbc:postgresql://HOST:5432/DATABASE), found "
            + safe(url),
        null);
  }

  /**
   * The migrations were written for H2, whose CLOB PostgreSQL lacks: there, {@code clob} is a
   * domain over {@code text}, so one set of migrations serves both (and their checksums stay). It
   * lives in a schema of its own on the search path, as Flyway wants the tables' schema empty
   * before its first migration.
   */
  private static void clobDomain(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + TYPES_SCHEMA);
      s.execute(
          "DO $$ BEGIN CREATE DOMAIN "
              + TYPES_SCHEMA
              + ".clob AS text; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }
  }

  private static String safe(String url) {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  private static String describe(SQLException e, String url) {
    String safeUrl = safe(url);
    if (e.getErrorCode() == H2_IN_USE) {
      return "the state store "
          + safeUrl
          + " is in use by another process; stop it, or run the command against its gateway";
    }
    return "cannot open the state store " + safeUrl + ": " + e.getMessage();
  }

  public DataSource dataSource() {
    return pool;
  }

  public String url() {
    return url;
  }

  /** Whether this is a shared PostgreSQL store (rather than the embedded one). */
  @Override
  public boolean shared() {
    return url.startsWith(POSTGRES);
  }

  /**
   * Readiness: writes one row and commits it, so the answer is about what the gateway needs. A
   * store closed underneath still passes a connection's {@code isValid}, and one reopened on a full
   * disk still answers a SELECT; neither takes a write. Empty while the store takes writes.
   */
  @Override
  public Optional<StoreTrouble> check() {
    try (Connection c = pool.getConnection()) {
      StoreInfo.put(c, "ready_checked_at", Instant.now().toString(), Instant.now());
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      return Optional.of(trouble(e));
    }
  }

  /** True while the store takes writes ({@link #check}). */
  public boolean isHealthy() {
    return check().isEmpty();
  }

  /** What a failure of this store means, in words a response or readiness may carry. */
  @Override
  public StoreTrouble trouble(Throwable failure) {
    return StoreTrouble.of(failure, dir);
  }

  @Override
  public void close() {
    pool.close();
  }
}
