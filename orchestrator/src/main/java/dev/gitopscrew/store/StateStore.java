package dev.gitopscrew.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The state store: an embedded H2 database under the state directory (or any JDBC URL, such as
 * PostgreSQL), its schema migrated when opened. Repositories take its {@link DataSource}.
 */
public final class StateStore implements AutoCloseable {

  private final HikariDataSource pool;
  private final String url;

  private StateStore(HikariDataSource pool, String url) {
    this.pool = pool;
    this.url = url;
  }

  /** Opens the embedded store under {@code stateDir}, creating and migrating it if needed. */
  public static StateStore openEmbedded(Path stateDir) {
    Path dir = stateDir.resolve("state");
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StateStoreException("cannot create the state directory " + dir + ": " + e, e);
    }
    // WRITE_DELAY=0: a commit reaches the file before it returns, so a kill -9 loses no result.
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("crew") + ";WRITE_DELAY=0";
    return open(url, "sa", "");
  }

  /** Opens a store at any JDBC URL and migrates it. */
  public static StateStore open(String url, String user, String password) {
    // H2's data source rather than a driver looked up by URL, as before: DriverManager may refuse
    // a driver registered by another class loader
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser(user);
    h2.setPassword(password);
    HikariConfig config = new HikariConfig();
    config.setDataSource(h2);
    config.setMaximumPoolSize(16);
    config.setMinimumIdle(2);
    config.setPoolName("crew-state");
    HikariDataSource pool;
    try {
      // the pool opens a first connection, which surfaces a locked or unreadable store at once
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      SQLException cause =
          e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
      throw new StateStoreException(describe(cause, url), cause);
    }
    Flyway.configure(StateStore.class.getClassLoader())
        .dataSource(pool)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return new StateStore(pool, url);
  }

  private static String describe(SQLException e, String url) {
    String safeUrl = url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    if (e.getErrorCode() == 90020) {
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

  /** True when the store answers a trivial query; used by readiness. */
  public boolean isHealthy() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
