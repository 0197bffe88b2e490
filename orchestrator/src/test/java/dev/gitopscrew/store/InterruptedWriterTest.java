package dev.gitopscrew.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it writes (a session cancelled or timed out, an executor shut down)
 * loses at most its own write: Java closes a file channel under an interrupted writer, and the
 * embedded store must not go down with it.
 */
class InterruptedWriterTest {

  @TempDir Path dir;

  @Test
  void interruptingAWriterLeavesTheStoreWorkingForEveryoneElse() throws Exception {
    try (StateStore store = StateStore.openEmbedded(dir)) {
      try (Connection c = store.dataSource().getConnection()) {
        c.createStatement().execute("CREATE TABLE notes (id INT PRIMARY KEY, body CLOB)");
      }
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch writing = new CountDownLatch(1);
      Thread writer =
          new Thread(
              () -> {
                String body = "x".repeat(16 * 1024);
                try (Connection c = store.dataSource().getConnection();
                    PreparedStatement insert =
                        c.prepareStatement("INSERT INTO notes VALUES (?, ?)")) {
                  for (int i = 1; !stop.get(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, body);
                    insert.executeUpdate();
                    writing.countDown();
                  }
                } catch (SQLException ownWrite) {
                  // its own write may fail: it was interrupted
                }
              },
              "interrupted-writer");
      writer.start();
      assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 20 && writer.isAlive(); i++) {
        writer.interrupt();
        Thread.sleep(5);
      }
      stop.set(true);
      writer.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(writer.isAlive()).isFalse();

      try (Connection c = store.dataSource().getConnection();
          PreparedStatement insert = c.prepareStatement("INSERT INTO notes VALUES (?, ?)")) {
        insert.setInt(1, -1);
        insert.setString(2, "after the interrupt");
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
    }
    try (StateStore again = StateStore.openEmbedded(dir);
        Connection c = again.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT body FROM notes WHERE id = -1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("after the interrupt");
    }
  }
}
