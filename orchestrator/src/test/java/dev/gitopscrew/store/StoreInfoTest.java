package dev.gitopscrew.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's own facts survive a reopen: the first start stays, the count goes up. */
@Tag("store")
class StoreInfoTest {

  @TempDir Path state;

  @Test
  void theFirstStartIsKeptAndEveryStartIsCounted() {
    String first;
    try (StateStore store = TestStores.open(state)) {
      new StoreInfo(store).recordStart();
      first = new StoreInfo(store).facts().get("first_started_at");
      assertThat(new StoreInfo(store).facts()).containsEntry("start_count", "1");
    }
    try (StateStore store = TestStores.open(state)) {
      new StoreInfo(store).recordStart();
      assertThat(new StoreInfo(store).facts())
          .containsEntry("start_count", "2")
          .containsEntry("first_started_at", first)
          .containsKey("last_started_at");
    }
  }
}
