package dev.gitopscrew.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store heals: closed underneath (an OutOfMemoryError makes H2 shut it down, as {@code
 * SHUTDOWN IMMEDIATELY} does) or on a disk that filled up, it reports why it is down, is reopened
 * on the same file as soon as it can be, and keeps everything it accepted.
 */
class StoreHealsTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aStoreClosedUnderneathIsReopenedAndTheNextWritesSucceed() {
    try (StateStore store = StateStore.openEmbedded(dir);
        JdbcDeliveries deliveries =
            new JdbcDeliveries(
                store.dataSource(), Clock.systemUTC(), dev.gitopscrew.effect.Redactor.none())) {
      long before = deliveries.record("argocd", "before", "{}").id();

      shutDownImmediately(store);

      // the delivery writer's own connection and the pool's all belonged to the closed database
      assertThat(store.check()).isEmpty();
      long after = deliveries.record("argocd", "after", "{}").id();
      assertThat(deliveries.pending())
          .extracting(JdbcDeliveries.Delivery::id)
          .containsExactly(before, after);
    }
  }

  @Test
  void aFullDiskIsReportedAndOnceSpaceReturnsTheStoreTakesWritesAgain() throws Exception {
    Path state = dir.resolve("mnt");
    try (TmpfsMount disk = TmpfsMount.mount(state, "8m");
        StateStore store = StateStore.openEmbedded(state);
        JdbcDeliveries deliveries =
            new JdbcDeliveries(
                store.dataSource(), Clock.systemUTC(), dev.gitopscrew.effect.Redactor.none())) {
      long before = deliveries.record("argocd", "before", "{}").id();

      disk.fill();
      var down = store.check();
      assertThat(down).as("free: %d bytes", disk.usableSpace()).isPresent();
      assertThat(down.get().kind()).isEqualTo(StoreTrouble.Kind.DISK_FULL);
      assertThat(down.get().reason())
          .contains("the disk of the state directory " + state.resolve("state") + " is full")
          .doesNotContain("Exception", "SQL", "INSERT", "MERGE");
      assertThatThrownBy(() -> deliveries.record("argocd", "refused", "{}"))
          .satisfies(
              e -> assertThat(store.trouble(e).kind()).isEqualTo(StoreTrouble.Kind.DISK_FULL));

      disk.free();
      await().atMost(BOUND).until(() -> store.check().isEmpty());
      deliveries.record("argocd", "after", "{}");
      assertThat(deliveries.pending())
          .extracting(JdbcDeliveries.Delivery::key)
          .containsExactly("before", "after");
      assertThat(deliveries.find(before)).isPresent();
    }
  }

  /** What H2 does itself after an OutOfMemoryError in a statement. */
  private static void shutDownImmediately(StateStore store) {
    try (Connection c = store.dataSource().getConnection()) {
      c.createStatement().execute("SHUTDOWN IMMEDIATELY");
    } catch (SQLException closedByIt) {
      // closing the connection of a database shut down fails; it is shut down all the same
    }
  }
}
