package dev.gitopscrew.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;

/**
 * A new embedded store starts as a copy of one the build migrated ({@code db/template}): running
 * Flyway's migrations on a new store took a second of {@code crew serve}'s start-up. A store the
 * build's template does not fit (older files, another schema version) is migrated by Flyway as
 * before.
 */
public final class StoreTemplate {

  static final String RESOURCE = "db/template/crew.mv.db";
  private static final String FILE = "crew.mv.db";

  private StoreTemplate() {}

  /**
   * Puts the template in {@code dir} unless a store is there already; false when there is none to
   * put (a build without it) or the directory refuses it, and Flyway then creates the store.
   */
  static boolean seed(Path dir) {
    Path target = dir.resolve(FILE);
    if (Files.exists(target)) {
      return false;
    }
    try (InputStream template =
        StoreTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (template == null) {
        return false;
      }
      Path copy = Files.createTempFile(dir, "crew-template", ".tmp");
      try {
        Files.copy(template, copy, StandardCopyOption.REPLACE_EXISTING);
        // a link, unlike a rename, never replaces a store another process created meanwhile
        Files.createLink(target, copy);
        return true;
      } catch (FileAlreadyExistsException another) {
        return false;
      } finally {
        Files.deleteIfExists(copy);
      }
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The build writes the template: {@code StoreTemplate <directory>}. */
  public static void main(String[] args) throws IOException, SQLException {
    Path out = Path.of(args[0]).toAbsolutePath();
    Path work = Files.createTempDirectory("crew-template");
    String url = "jdbc:h2:file:" + work.resolve("crew");
    StateStore.open(url, "sa", "").close();
    var h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    try (var c = h2.getConnection();
        var s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT"); // the smallest file, with nothing left to recover
    } catch (SQLException closedByShutdown) {
      // closing the statement after SHUTDOWN may throw; the file is written by then
    }
    Files.createDirectories(out);
    Files.move(work.resolve(FILE), out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    try (var left = Files.list(work)) {
      for (Path p : left.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(work);
  }
}
