package dev.gitopscrew.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new embedded store starts from the template the build migrated: the same schema as Flyway gives
 * a store it migrates from nothing, the same history, and never over a store already there.
 */
class StoreTemplateTest {

  @TempDir Path dir;

  @Test
  void theBuildPackagesATemplateAtThisBuildsSchemaVersion() {
    assertThat(StoreTemplate.class.getClassLoader().getResource(StoreTemplate.RESOURCE))
        .as("the build's store-template step writes it (orchestrator/pom.xml)")
        .isNotNull();
  }

  @Test
  void aNewStoreFromTheTemplateHasTheSchemaFlywayGivesANewDatabase() throws Exception {
    Path state = dir.resolve("state");
    try (StateStore seeded = StateStore.openEmbedded(state);
        StateStore migrated =
            StateStore.open("jdbc:h2:file:" + dir.resolve("flyway/crew"), "sa", "")) {
      assertThat(StateStore.appliedVersion(seeded.dataSource()))
          .isEqualTo(StateStore.SCHEMA_VERSION);
      assertThat(columns(seeded.dataSource())).isEqualTo(columns(migrated.dataSource()));
      assertThat(history(seeded.dataSource())).isEqualTo(history(migrated.dataSource()));
    }
  }

  @Test
  void aStoreAlreadyThereIsNeverReplaced() throws Exception {
    Path state = dir.resolve("state");
    try (StateStore store = StateStore.openEmbedded(state);
        Connection c = store.dataSource().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id INT)");
    }
    assertThat(StoreTemplate.seed(state.resolve("state"))).isFalse();
    try (StateStore again = StateStore.openEmbedded(state)) {
      assertThat(columns(again.dataSource())).anyMatch(c -> c.startsWith("KEPT.ID "));
    }
  }

  private static List<String> columns(DataSource data) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = data.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT table_name, column_name, data_type, is_nullable"
                        + " FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
                        + " ORDER BY table_name, column_name")) {
      while (rs.next()) {
        columns.add(
            rs.getString(1).toUpperCase()
                + "."
                + rs.getString(2).toUpperCase()
                + (rs.getString(3) == null ? "" : " " + rs.getString(3))
                + " "
                + rs.getString(4));
      }
    }
    return columns;
  }

  private static List<String> history(DataSource data) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = data.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT \"version\", \"script\", \"checksum\", \"success\""
                        + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + rs.getBoolean(4));
      }
    }
    return rows;
  }
}
