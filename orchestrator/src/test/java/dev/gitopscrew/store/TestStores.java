package dev.gitopscrew.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The store the repository tests run on: the embedded H2 one, or — when the build runs with {@code
 * CREW_TEST_POSTGRES_URL} (as {@code .ci/run} does, against a real PostgreSQL server it starts) — a
 * PostgreSQL database of its own per state directory, so a test that reopens its store (a restart)
 * finds its data, and every test starts empty.
 */
public final class TestStores {

  /** The system property the {@code postgres} test run sets: an admin JDBC URL. */
  static final String PROPERTY = "crew.test.postgres";

  private TestStores() {}

  /** The PostgreSQL server of this run, if it runs on one. */
  public static Optional<String> postgres() {
    String url = System.getProperty(PROPERTY);
    return url == null || url.isBlank() || url.startsWith("${")
        ? Optional.empty()
        : Optional.of(url);
  }

  /** Opens the store of a state directory: embedded, or its own PostgreSQL database. */
  public static StateStore open(Path stateDir) {
    return postgres()
        .map(admin -> StateStore.open(databaseFor(admin, stateDir), "crew", ""))
        .orElseGet(() -> StateStore.openEmbedded(stateDir));
  }

  /** Environment variables that make a crew use the same store {@link #open} would. */
  public static Map<String, String> env(Path stateDir) {
    return postgres()
        .map(
            admin ->
                Map.of("CREW_STATE_URL", databaseFor(admin, stateDir), "CREW_STATE_USER", "crew"))
        .orElse(Map.of());
  }

  /** A database named after the state directory, created on first use. */
  static synchronized String databaseFor(String admin, Path stateDir) {
    String name = "t_" + hash(stateDir.toAbsolutePath().normalize().toString());
    // a data source, not DriverManager: after a Quarkus test registered the driver from its own
    // class loader, DriverManager finds "no suitable driver" for this one
    org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
    source.setURL(admin);
    source.setUser("crew");
    try (Connection c = source.getConnection()) {
      try (PreparedStatement exists =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet rs = exists.executeQuery()) {
          if (!rs.next()) {
            try (Statement create = c.createStatement()) {
              create.execute("CREATE DATABASE " + name);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name + ": " + e, e);
    }
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
