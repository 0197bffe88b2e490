package dev.gitopscrew.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("store")
class GroupCommitTest {

  @TempDir Path stateDir;
  private StateStore store;
  private GroupCommit writer;

  @AfterEach
  void stop() {
    writer.close();
    store.close();
  }

  private void start() {
    store = TestStores.open(stateDir);
    writer = new GroupCommit(store.dataSource(), "session");
  }

  private int insert(Connection c, String info) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO store_info (info_key, info_value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
      ps.setString(1, info);
      ps.setString(2, "v");
      return ps.executeUpdate();
    }
  }

  private List<String> stored() throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT info_key FROM store_info WHERE info_key LIKE 'k%' ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  @Test
  void everyWriteIsCommittedBeforeItsCallerReturnsAndAFailedOneFailsAlone() throws Exception {
    start();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String key = i == 7 ? "k00" : String.format("k%02d", i);
      calls.add(callers.submit(() -> writer.call(c -> insert(c, key))));
    }
    int failed = 0;
    for (Future<Integer> call : calls) {
      try {
        assertThat(call.get()).isEqualTo(1);
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        failed++;
      }
    }
    callers.shutdown();

    assertThat(failed).isEqualTo(1);
    assertThat(stored()).hasSize(39).doesNotContain("k07");
  }

  @Test
  void aWriteAfterCloseIsRefusedWithTheReason() {
    start();
    writer.close();

    assertThatThrownBy(() -> writer.call(c -> insert(c, "k1")))
        .isInstanceOf(StateStoreException.class)
        .hasMessage("the session writer is stopped");
  }
}
