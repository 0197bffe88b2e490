package dev.gitopscrew.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server a scenario run with {@code --store postgres} uses: the one named by {@code
 * CREW_BENCH_POSTGRES_URL} (an admin JDBC URL, user {@code crew}), or else a throw-away server
 * started with {@code .ci/postgres} for this run and stopped after it. Each scenario gets a new
 * empty database of its own.
 */
public final class BenchPostgres implements AutoCloseable {

  public static final String USER = "crew";

  private final String admin;
  private final Path ownServer;

  private BenchPostgres(String admin, Path ownServer) {
    this.admin = admin;
    this.ownServer = ownServer;
  }

  /** Whether the scenario's arguments ask for PostgreSQL ({@code --store postgres}). */
  public static boolean requested(String[] args) {
    List<String> list = Arrays.asList(args);
    int at = list.indexOf("--store");
    if (at < 0) {
      return false;
    }
    String store = at + 1 < args.length ? args[at + 1] : "";
    if (!store.equals("postgres") && !store.equals("h2")) {
      throw new IllegalArgumentException("--store takes h2 or postgres, not '" + store + "'");
    }
    return store.equals("postgres");
  }

  /** The arguments without {@code --store X}. */
  public static String[] withoutStore(String[] args) {
    List<String> list = new java.util.ArrayList<>(Arrays.asList(args));
    int at = list.indexOf("--store");
    if (at >= 0) {
      list.remove(at);
      if (at < list.size()) {
        list.remove(at);
      }
    }
    return list.toArray(String[]::new);
  }

  public static BenchPostgres start() throws IOException, InterruptedException {
    String given = System.getenv("CREW_BENCH_POSTGRES_URL");
    if (given != null && !given.isBlank()) {
      return new BenchPostgres(given, null);
    }
    // a directory of its own (.ci/postgres creates it and hands it to the postgres user)
    Path dir =
        Path.of(System.getProperty("java.io.tmpdir"), "bench-pg-" + ProcessHandle.current().pid());
    Process p =
        withTmp(new ProcessBuilder(".ci/postgres", "start"), dir)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0 || !out.contains("jdbc:postgresql://")) {
      throw new IllegalStateException("could not start PostgreSQL with .ci/postgres: " + out);
    }
    String url = out.substring(out.lastIndexOf("jdbc:postgresql://"));
    System.out.println("PostgreSQL started for this run: " + url);
    return new BenchPostgres(url, dir);
  }

  private static ProcessBuilder withTmp(ProcessBuilder builder, Path dir) {
    builder.environment().put("PGTMP", dir.toString());
    return builder;
  }

  /** A new empty database; returns its JDBC URL. */
  public String newDatabase(String prefix) throws SQLException {
    String name = prefix + "_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = DriverManager.getConnection(admin, USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  /** The environment that points a crew process at {@code url}. */
  public static Map<String, String> env(String url) {
    return Map.of("CREW_STATE_URL", url, "CREW_STATE_USER", USER);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (ownServer != null) {
      withTmp(new ProcessBuilder(".ci/postgres", "stop"), ownServer)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    }
  }
}
