package dev.gitopscrew.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store already at this build's schema opens without Flyway; that shortcut holds only while
 * {@link StateStore#SCHEMA_VERSION} names the newest migration.
 */
@Tag("store")
class SchemaVersionTest {

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  @TempDir Path dir;

  @Test
  void theSchemaVersionIsTheNewestMigrationFile() throws Exception {
    int newest;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      newest =
          files
              .map(f -> VERSION.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
    }
    assertThat(StateStore.SCHEMA_VERSION).isEqualTo(newest);
  }

  @Test
  void aNewStoreIsMigratedToItAndReopensWithItsData() {
    Path state = dir.resolve("state");
    try (StateStore store = TestStores.open(state)) {
      assertThat(StateStore.appliedVersion(store.dataSource()))
          .isEqualTo(StateStore.SCHEMA_VERSION);
      assertThat(store.isHealthy()).isTrue();
    }
    try (StateStore again = TestStores.open(state)) {
      assertThat(StateStore.appliedVersion(again.dataSource()))
          .isEqualTo(StateStore.SCHEMA_VERSION);
      assertThat(again.isHealthy()).isTrue();
    }
  }
}
