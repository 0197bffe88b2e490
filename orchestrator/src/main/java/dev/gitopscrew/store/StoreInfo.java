package dev.gitopscrew.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Facts about the store itself: when it was first started, how many starts it has seen. */
public class StoreInfo {

  private final StateStore store;

  public StoreInfo(StateStore store) {
    this.store = store;
  }

  public void recordStart() {
    Instant now = Instant.now();
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      if (get(c, "first_started_at") == null) {
        put(c, "first_started_at", now.toString(), now);
      }
      String count = get(c, "start_count");
      put(c, "start_count", Long.toString(count == null ? 1 : Long.parseLong(count) + 1), now);
      put(c, "last_started_at", now.toString(), now);
      c.commit();
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot record the start in the state store: " + e.getMessage(), e);
    }
  }

  public Map<String, String> facts() {
    Map<String, String> facts = new TreeMap<>();
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT info_key, info_value FROM store_info");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        facts.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new StateStoreException("cannot read the state store: " + e.getMessage(), e);
    }
    return facts;
  }

  private static String get(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT info_value FROM store_info WHERE info_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static void put(Connection c, String key, String value, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            // standard MERGE: H2 and PostgreSQL (15 and later) both take it
            "MERGE INTO store_info t USING (VALUES (?, ?, CAST(? AS TIMESTAMP))) AS s (k, v, at)"
                + " ON t.info_key = s.k"
                + " WHEN MATCHED THEN UPDATE SET info_value = s.v, updated_at = s.at"
                + " WHEN NOT MATCHED THEN INSERT (info_key, info_value, updated_at)"
                + " VALUES (s.k, s.v, s.at)")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.setTimestamp(3, Timestamp.from(at));
      ps.executeUpdate();
    }
  }
}
