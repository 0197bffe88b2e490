package dev.gitopscrew.store;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.forge.local.LocalForgeRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The local forge's records in the state store (migrations V3, V7 and V8). */
public final class JdbcLocalForgeRecords implements LocalForgeRecords {

  private static final String ITEM_COLUMNS =
      "number, kind, title, body, state, branch, base_branch, milestone";

  private final DataSource dataSource;

  public JdbcLocalForgeRecords(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Issue insertIssue(String repo, NewIssue issue) {
    int number =
        insertItem(repo, "ISSUE", issue.title(), issue.body(), null, null, null, issue.labels());
    return issue(repo, number).orElseThrow();
  }

  @Override
  public Optional<Issue> issue(String repo, int number) {
    return items(repo, "ISSUE", number).stream().findFirst().map(Row::toIssue);
  }

  @Override
  public List<Issue> issues(String repo) {
    return items(repo, "ISSUE", null).stream().map(Row::toIssue).toList();
  }

  @Override
  public void addLabels(String repo, int number, Set<String> labels) {
    inTransaction(
        c -> {
          requireItem(c, repo, number);
          Set<String> present = labels(c, repo, number);
          insertLabels(c, repo, number, labels.stream().filter(l -> !present.contains(l)).toList());
          touch(c, repo, number);
          return null;
        });
  }

  @Override
  public void removeLabel(String repo, int number, String label) {
    inTransaction(
        c -> {
          requireItem(c, repo, number);
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM local_forge_label WHERE repo = ? AND number = ? AND label = ?")) {
            s.setString(1, repo);
            s.setInt(2, number);
            s.setString(3, label);
            s.executeUpdate();
          }
          touch(c, repo, number);
          return null;
        });
  }

  @Override
  public Comment insertComment(String repo, int number, String body) {
    return inTransaction(
        c -> {
          requireItem(c, repo, number);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO local_forge_comment (repo, number, body, created_at) VALUES (?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, repo);
            s.setInt(2, number);
            s.setString(3, body);
            s.setTimestamp(4, now());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
              keys.next();
              long id = keys.getLong(1);
              return new Comment(id, body, url(repo, "issues", number) + "#comment-" + id);
            }
          }
        });
  }

  @Override
  public List<Comment> comments(String repo, int number) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, body FROM local_forge_comment WHERE repo = ? AND number = ? ORDER BY id")) {
            s.setString(1, repo);
            s.setInt(2, number);
            List<Comment> comments = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                long id = r.getLong(1);
                comments.add(
                    new Comment(
                        id, r.getString(2), url(repo, "issues", number) + "#comment-" + id));
              }
            }
            return comments;
          }
        });
  }

  @Override
  public void updateIssueBody(String repo, int number, String body) {
    update(
        "UPDATE local_forge_item SET body = ?, updated_at = ? WHERE repo = ? AND number = ?"
            + " AND kind = 'ISSUE'",
        repo,
        number,
        body);
  }

  @Override
  public void closeIssue(String repo, int number) {
    update(
        "UPDATE local_forge_item SET state = ?, updated_at = ? WHERE repo = ? AND number = ?"
            + " AND kind = 'ISSUE'",
        repo,
        number,
        "CLOSED");
  }

  @Override
  public void reopenIssue(String repo, int number) {
    update(
        "UPDATE local_forge_item SET state = ?, updated_at = ? WHERE repo = ? AND number = ?"
            + " AND kind = 'ISSUE'",
        repo,
        number,
        "OPEN");
  }

  @Override
  public Comment updateComment(String repo, int number, long id, String body) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE local_forge_comment SET body = ? WHERE id = ? AND repo = ? AND number = ?")) {
            s.setString(1, body);
            s.setLong(2, id);
            s.setString(3, repo);
            s.setInt(4, number);
            if (s.executeUpdate() == 0) {
              throw new IllegalArgumentException(
                  "no comment " + id + " on #" + number + " in " + repo);
            }
          }
          touch(c, repo, number);
          return new Comment(id, body, url(repo, "issues", number) + "#comment-" + id);
        });
  }

  @Override
  public void setCommitStatus(String repo, CommitStatus status) {
    inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  // standard MERGE: H2 and PostgreSQL (15 and later) both take it
                  "MERGE INTO local_forge_status t USING (VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP)))"
                      + " AS s"
                      + " (repo, sha, context, state, description, target_url, updated_at)"
                      + " ON t.repo = s.repo AND t.sha = s.sha AND t.context = s.context"
                      + " WHEN MATCHED THEN UPDATE SET state = s.state, description ="
                      + " s.description, target_url = s.target_url, updated_at = s.updated_at"
                      + " WHEN NOT MATCHED THEN INSERT (repo, sha, context, state, description,"
                      + " target_url, updated_at) VALUES (s.repo, s.sha, s.context, s.state,"
                      + " s.description, s.target_url, s.updated_at)")) {
            s.setString(1, repo);
            s.setString(2, status.commit());
            s.setString(3, status.context());
            s.setString(4, status.state().name());
            s.setString(5, status.description());
            s.setString(6, status.targetUrl());
            s.setTimestamp(7, now());
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<CommitStatus> commitStatuses(String repo, String commit) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT context, state, description, target_url FROM local_forge_status"
                      + " WHERE repo = ? AND sha = ? ORDER BY context")) {
            s.setString(1, repo);
            s.setString(2, commit);
            List<CommitStatus> all = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                all.add(
                    new CommitStatus(
                        commit,
                        CommitStatus.State.valueOf(r.getString(2)),
                        r.getString(1),
                        r.getString(3),
                        r.getString(4)));
              }
            }
            return all;
          }
        });
  }

  @Override
  public PullRequest insertPullRequest(String repo, NewPullRequest pr) {
    int number =
        insertItem(
            repo,
            "PULL",
            pr.title(),
            pr.body(),
            pr.branch(),
            pr.baseBranch(),
            pr.milestone(),
            pr.labels());
    if (pr.milestone() != null) {
      inTransaction(
          c -> {
            ensureMilestone(c, repo, pr.milestone());
            return null;
          });
    }
    return pullRequest(repo, number).orElseThrow();
  }

  @Override
  public Optional<PullRequest> pullRequest(String repo, int number) {
    return items(repo, "PULL", number).stream().findFirst().map(Row::toPullRequest);
  }

  @Override
  public List<PullRequest> pullRequests(String repo) {
    return items(repo, "PULL", null).stream().map(Row::toPullRequest).toList();
  }

  @Override
  public void updatePullRequest(String repo, int number, String title, String body) {
    update(
        "UPDATE local_forge_item SET title = ?, body = ?, updated_at = ? WHERE repo = ? AND number = ?"
            + " AND kind = 'PULL'",
        repo,
        number,
        title,
        body);
  }

  @Override
  public void setPullRequestState(String repo, int number, PullRequest.State state) {
    update(
        "UPDATE local_forge_item SET state = ?, updated_at = ? WHERE repo = ? AND number = ?"
            + " AND kind = 'PULL'",
        repo,
        number,
        state.name());
  }

  @Override
  public void setMilestone(String repo, int number, String milestone) {
    inTransaction(
        c -> {
          ensureMilestone(c, repo, milestone);
          return null;
        });
    update(
        "UPDATE local_forge_item SET milestone = ?, updated_at = ? WHERE repo = ? AND number = ?",
        repo,
        number,
        milestone);
  }

  @Override
  public List<Milestone> milestones(String repo) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT title, is_open, description FROM local_forge_milestone WHERE repo = ?"
                      + " ORDER BY title")) {
            s.setString(1, repo);
            List<Milestone> all = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                all.add(new Milestone(r.getString(1), r.getBoolean(2), r.getString(3)));
              }
            }
            return all;
          }
        });
  }

  @Override
  public void closeMilestone(String repo, String title) {
    inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE local_forge_milestone SET is_open = FALSE WHERE repo = ? AND title = ?")) {
            s.setString(1, repo);
            s.setString(2, title);
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Release insertRelease(String repo, Release release) {
    return inTransaction(
        c -> {
          Optional<Release> existing = release(c, repo, release.tag());
          if (existing.isPresent()) {
            return existing.get();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO local_forge_release (repo, tag, title, notes, created_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, repo);
            s.setString(2, release.tag());
            s.setString(3, release.title());
            s.setString(4, release.notes());
            s.setTimestamp(5, now());
            s.executeUpdate();
          }
          return release;
        });
  }

  @Override
  public List<Release> releases(String repo) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT tag, title, notes FROM local_forge_release WHERE repo = ?"
                      + " ORDER BY created_at, tag")) {
            s.setString(1, repo);
            List<Release> all = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                all.add(new Release(r.getString(1), r.getString(2), r.getString(3)));
              }
            }
            return all;
          }
        });
  }

  @Override
  public void markMerged(String repo, int number, String commit, Instant at) {
    inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE local_forge_item SET state = 'MERGED', merge_commit = ?, merged_at = ?,"
                      + " updated_at = ? WHERE repo = ? AND number = ? AND kind = 'PULL'")) {
            s.setString(1, commit);
            s.setTimestamp(2, Timestamp.from(at));
            s.setTimestamp(3, now());
            s.setString(4, repo);
            s.setInt(5, number);
            if (s.executeUpdate() == 0) {
              throw new IllegalArgumentException("no pull request #" + number + " in " + repo);
            }
          }
          return null;
        });
  }

  @Override
  public List<Merge> merges(String repo) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT number, merge_commit, merged_at FROM local_forge_item WHERE repo = ?"
                      + " AND kind = 'PULL' AND merge_commit IS NOT NULL ORDER BY number")) {
            s.setString(1, repo);
            List<Merge> all = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                all.add(new Merge(r.getInt(1), r.getString(2), r.getTimestamp(3).toInstant()));
              }
            }
            return all;
          }
        });
  }

  @Override
  public void createMilestone(String repo, String title, String description) {
    inTransaction(
        c -> {
          ensureMilestone(c, repo, title);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE local_forge_milestone SET description = ? WHERE repo = ? AND title = ?"
                      + " AND description = ''")) {
            s.setString(1, description == null ? "" : description);
            s.setString(2, repo);
            s.setString(3, title);
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void updateMilestone(
      String repo, String title, String newTitle, String description, boolean open) {
    inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE local_forge_milestone SET title = ?, description = ?, is_open = ?"
                      + " WHERE repo = ? AND title = ?")) {
            s.setString(1, newTitle);
            s.setString(2, description == null ? "" : description);
            s.setBoolean(3, open);
            s.setString(4, repo);
            s.setString(5, title);
            if (s.executeUpdate() == 0) {
              throw new IllegalArgumentException("no milestone " + title + " in " + repo);
            }
          }
          if (!title.equals(newTitle)) {
            try (PreparedStatement s =
                c.prepareStatement(
                    "UPDATE local_forge_item SET milestone = ?, updated_at = ? WHERE repo = ?"
                        + " AND milestone = ?")) {
              s.setString(1, newTitle);
              s.setTimestamp(2, now());
              s.setString(3, repo);
              s.setString(4, title);
              s.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public void updateRelease(String repo, Release release) {
    inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE local_forge_release SET title = ?, notes = ? WHERE repo = ? AND tag = ?")) {
            s.setString(1, release.title());
            s.setString(2, release.notes());
            s.setString(3, repo);
            s.setString(4, release.tag());
            s.executeUpdate();
          }
          return null;
        });
  }

  private Optional<Release> release(Connection c, String repo, String tag) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tag, title, notes FROM local_forge_release WHERE repo = ? AND tag = ?")) {
      s.setString(1, repo);
      s.setString(2, tag);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Release(r.getString(1), r.getString(2), r.getString(3)))
            : Optional.empty();
      }
    }
  }

  // Numbers are max + 1 per repository; a concurrent insert of the same number loses on the
  // primary key and tries the next one.
  private synchronized int insertItem(
      String repo,
      String kind,
      String title,
      String body,
      String branch,
      String baseBranch,
      String milestone,
      Set<String> labels) {
    for (int attempt = 0; ; attempt++) {
      try {
        return inTransaction(
            c -> {
              int number;
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT COALESCE(MAX(number), 0) + 1 FROM local_forge_item WHERE repo = ?")) {
                s.setString(1, repo);
                try (ResultSet r = s.executeQuery()) {
                  r.next();
                  number = r.getInt(1);
                }
              }
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO local_forge_item (repo, "
                          + ITEM_COLUMNS
                          + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)")) {
                Timestamp now = now();
                s.setString(1, repo);
                s.setInt(2, number);
                s.setString(3, kind);
                s.setString(4, title);
                s.setString(5, body);
                s.setString(6, branch);
                s.setString(7, baseBranch);
                s.setString(8, milestone);
                s.setTimestamp(9, now);
                s.setTimestamp(10, now);
                s.executeUpdate();
              }
              insertLabels(c, repo, number, List.copyOf(labels));
              return number;
            });
      } catch (StateStoreException e) {
        if (attempt >= 3
            || !(e.getCause() instanceof SQLException sql)
            || !"23505".equals(sql.getSQLState())) {
          throw e;
        }
      }
    }
  }

  private List<Row> items(String repo, String kind, Integer number) {
    return inTransaction(
        c -> {
          String sql =
              "SELECT "
                  + ITEM_COLUMNS
                  + " FROM local_forge_item WHERE repo = ? AND kind = ?"
                  + (number == null ? "" : " AND number = ?")
                  + " ORDER BY number";
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, repo);
            s.setString(2, kind);
            if (number != null) {
              s.setInt(3, number);
            }
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                int n = r.getInt(1);
                rows.add(
                    new Row(
                        repo,
                        n,
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getString(8),
                        Set.of()));
              }
            }
          }
          List<Row> labelled = new ArrayList<>();
          for (Row row : rows) {
            labelled.add(row.withLabels(labels(c, repo, row.number())));
          }
          return labelled;
        });
  }

  private static Set<String> labels(Connection c, String repo, int number) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT label FROM local_forge_label WHERE repo = ? AND number = ? ORDER BY label")) {
      s.setString(1, repo);
      s.setInt(2, number);
      Set<String> labels = new LinkedHashSet<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          labels.add(r.getString(1));
        }
      }
      return labels;
    }
  }

  private static void insertLabels(Connection c, String repo, int number, List<String> labels)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO local_forge_label (repo, number, label) VALUES (?, ?, ?)")) {
      for (String label : labels) {
        s.setString(1, repo);
        s.setInt(2, number);
        s.setString(3, label);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void ensureMilestone(Connection c, String repo, String title) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM local_forge_milestone WHERE repo = ? AND title = ?")) {
      s.setString(1, repo);
      s.setString(2, title);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO local_forge_milestone (repo, title, is_open) VALUES (?, ?, TRUE)")) {
      s.setString(1, repo);
      s.setString(2, title);
      s.executeUpdate();
    }
  }

  private static void requireItem(Connection c, String repo, int number) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM local_forge_item WHERE repo = ? AND number = ?")) {
      s.setString(1, repo);
      s.setInt(2, number);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalArgumentException("no issue or pull request #" + number + " in " + repo);
        }
      }
    }
  }

  private static void touch(Connection c, String repo, int number) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE local_forge_item SET updated_at = ? WHERE repo = ? AND number = ?")) {
      s.setTimestamp(1, now());
      s.setString(2, repo);
      s.setInt(3, number);
      s.executeUpdate();
    }
  }

  /** Runs {@code sql} whose first parameters are {@code values}, then updated_at, repo, number. */
  private void update(String sql, String repo, int number, String... values) {
    inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String v : values) {
              s.setString(i++, v);
            }
            s.setTimestamp(i++, now());
            s.setString(i++, repo);
            s.setInt(i, number);
            if (s.executeUpdate() == 0) {
              throw new IllegalArgumentException(
                  "no pull request or issue #" + number + " in " + repo);
            }
          }
          return null;
        });
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  private static String url(String repo, String kind, int number) {
    return LocalForge.url(repo, kind, number);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StateStoreException("local forge records: " + e.getMessage(), e);
    }
  }

  private record Row(
      String repo,
      int number,
      String title,
      String body,
      String state,
      String branch,
      String baseBranch,
      String milestone,
      Set<String> labels) {

    Row withLabels(Set<String> l) {
      return new Row(repo, number, title, body, state, branch, baseBranch, milestone, l);
    }

    Issue toIssue() {
      return new Issue(
          number,
          title,
          body,
          url(repo, "issues", number),
          "OPEN".equals(state),
          labels,
          milestone);
    }

    PullRequest toPullRequest() {
      return new PullRequest(
          number,
          title,
          body,
          url(repo, "pulls", number),
          branch,
          baseBranch,
          PullRequest.State.valueOf(state),
          labels,
          milestone);
    }
  }
}
