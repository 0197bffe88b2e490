package dev.gitopscrew.store;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.LocalForgeRecords;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * What issues and pull requests of the local forge have in common (migration V3): one number
 * sequence per repository, as on GitHub, their labels and their comments.
 */
final class ForgeItems {

  static final String ISSUE = "ISSUE";
  static final String PULL = "PULL";

  private static final String COLUMNS =
      "number, kind, title, body, state, branch, base_branch, milestone";
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;
  private final Clock clock;

  ForgeItems(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** An issue or pull request as the table holds it, with its labels. */
  record Row(
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
          LocalForgeRecords.url(repo, "issues", number),
          "OPEN".equals(state),
          labels,
          milestone);
    }

    PullRequest toPullRequest() {
      return new PullRequest(
          number,
          title,
          body,
          LocalForgeRecords.url(repo, "pulls", number),
          branch,
          baseBranch,
          PullRequest.State.valueOf(state),
          labels,
          milestone);
    }
  }

  /**
   * Inserts an open issue or pull request as the repository's next number and returns it. The
   * number comes from the repository's row in {@code local_forge_sequence}: updating it holds its
   * lock until the insert commits, so writers on one store (other replicas) queue rather than take
   * the same number. Only a repository's first number can clash (two writers creating its row), and
   * the loser then takes the next one.
   */
  synchronized int insert(
      String repo,
      String kind,
      String title,
      String body,
      String branch,
      String baseBranch,
      String milestone,
      Set<String> labels) {
    return dev.failsafe.Failsafe.with(
            dev.gitopscrew.retry.Retries.<Integer>numberClash(ForgeItems::uniqueViolation))
        .get(
            () ->
                jdbi.inTransaction(
                    h -> {
                      int number = nextNumber(h, repo);
                      var now = clock.instant();
                      h.createUpdate(
                              "INSERT INTO local_forge_item (repo, "
                                  + COLUMNS
                                  + ", created_at, updated_at) VALUES (:repo, :number, :kind, :title,"
                                  + " :body, 'OPEN', :branch, :base, :milestone, :now, :now)")
                          .bind("repo", repo)
                          .bind("number", number)
                          .bind("kind", kind)
                          .bind("title", title)
                          .bind("body", body)
                          .bind("branch", branch)
                          .bind("base", baseBranch)
                          .bind("milestone", milestone)
                          .bind("now", now)
                          .execute();
                      insertLabels(h, repo, number, labels);
                      return number;
                    }));
  }

  private static int nextNumber(Handle h, String repo) {
    int taken =
        h.createUpdate(
                "UPDATE local_forge_sequence SET last_number = last_number + 1 WHERE repo = :repo")
            .bind("repo", repo)
            .execute();
    if (taken == 0) {
      h.createUpdate("INSERT INTO local_forge_sequence (repo, last_number) VALUES (:repo, 1)")
          .bind("repo", repo)
          .execute();
      return 1;
    }
    return h.createQuery("SELECT last_number FROM local_forge_sequence WHERE repo = :repo")
        .bind("repo", repo)
        .mapTo(Integer.class)
        .one();
  }

  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The issues or pull requests ({@code kind}) of a repository, or the one of {@code number}. */
  List<Row> rows(String repo, String kind, Integer number) {
    return jdbi.inTransaction(
        h -> {
          Query query =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM local_forge_item WHERE repo = :repo AND kind = :kind"
                          + (number == null ? "" : " AND number = :number")
                          + " ORDER BY number")
                  .bind("repo", repo)
                  .bind("kind", kind);
          if (number != null) {
            query.bind("number", number);
          }
          List<Row> rows =
              query
                  .map(
                      (r, ctx) ->
                          new Row(
                              repo,
                              r.getInt(1),
                              r.getString(3),
                              r.getString(4),
                              r.getString(5),
                              r.getString(6),
                              r.getString(7),
                              r.getString(8),
                              Set.of()))
                  .list();
          if (rows.isEmpty()) {
            return rows;
          }
          Map<Integer, Set<String>> labels = labels(h, repo, kind, number);
          List<Row> labelled = new ArrayList<>(rows.size());
          for (Row row : rows) {
            labelled.add(row.withLabels(labels.getOrDefault(row.number(), new LinkedHashSet<>())));
          }
          return labelled;
        });
  }

  private static Map<Integer, Set<String>> labels(
      Handle h, String repo, String kind, Integer number) {
    Map<Integer, Set<String>> labels = new LinkedHashMap<>();
    Query query =
        h.createQuery(
                "SELECT l.number, l.label FROM local_forge_label l JOIN local_forge_item i ON"
                    + " i.repo = l.repo AND i.number = l.number WHERE l.repo = :repo AND i.kind ="
                    + " :kind"
                    + (number == null ? "" : " AND l.number = :number")
                    + " ORDER BY l.number, l.label")
            .bind("repo", repo)
            .bind("kind", kind);
    if (number != null) {
      query.bind("number", number);
    }
    query
        .map((r, ctx) -> Map.entry(r.getInt(1), r.getString(2)))
        .forEach(
            e -> labels.computeIfAbsent(e.getKey(), n -> new LinkedHashSet<>()).add(e.getValue()));
    return labels;
  }

  void addLabels(String repo, int number, Set<String> labels) {
    jdbi.useTransaction(
        h -> {
          requireItem(h, repo, number);
          Set<String> present =
              new LinkedHashSet<>(
                  h.createQuery(
                          "SELECT label FROM local_forge_label WHERE repo = :repo AND number ="
                              + " :number")
                      .bind("repo", repo)
                      .bind("number", number)
                      .mapTo(String.class)
                      .list());
          insertLabels(h, repo, number, labels.stream().filter(l -> !present.contains(l)).toList());
          touch(h, repo, number);
        });
  }

  void removeLabel(String repo, int number, String label) {
    jdbi.useTransaction(
        h -> {
          requireItem(h, repo, number);
          h.createUpdate(
                  "DELETE FROM local_forge_label WHERE repo = :repo AND number = :number AND"
                      + " label = :label")
              .bind("repo", repo)
              .bind("number", number)
              .bind("label", label)
              .execute();
          touch(h, repo, number);
        });
  }

  Comment insertComment(String repo, int number, String body) {
    return jdbi.inTransaction(
        h -> {
          requireItem(h, repo, number);
          long id =
              h.createUpdate(
                      "INSERT INTO local_forge_comment (repo, number, body, created_at) VALUES"
                          + " (:repo, :number, :body, :now)")
                  .bind("repo", repo)
                  .bind("number", number)
                  .bind("body", body)
                  .bind("now", clock.instant())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          return comment(repo, number, id, body);
        });
  }

  List<Comment> comments(String repo, int number) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, body FROM local_forge_comment WHERE repo = :repo AND number ="
                        + " :number ORDER BY id")
                .bind("repo", repo)
                .bind("number", number)
                .map((r, ctx) -> comment(repo, number, r.getLong(1), r.getString(2)))
                .list());
  }

  Comment updateComment(String repo, int number, long id, String body) {
    return jdbi.inTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE local_forge_comment SET body = :body WHERE id = :id AND repo = :repo"
                          + " AND number = :number")
                  .bind("body", body)
                  .bind("id", id)
                  .bind("repo", repo)
                  .bind("number", number)
                  .execute();
          if (updated == 0) {
            throw new IllegalArgumentException(
                "no comment " + id + " on #" + number + " in " + repo);
          }
          touch(h, repo, number);
          return comment(repo, number, id, body);
        });
  }

  /** Sets the milestone of an issue or pull request (the milestone itself is not created here). */
  void setMilestone(String repo, int number, String milestone) {
    update(repo, number, null, "milestone = :milestone", u -> u.bind("milestone", milestone));
  }

  /**
   * Sets {@code assignments} (with updated_at) on item {@code number}, of {@code kind} unless null;
   * an item that is not there is refused.
   */
  void update(String repo, int number, String kind, String assignments, Consumer<Update> values) {
    jdbi.useTransaction(
        h -> {
          Update update =
              h.createUpdate(
                      "UPDATE local_forge_item SET "
                          + assignments
                          + ", updated_at = :now WHERE repo = :repo AND number = :number"
                          + (kind == null ? "" : " AND kind = :kind"))
                  .bind("now", clock.instant())
                  .bind("repo", repo)
                  .bind("number", number);
          if (kind != null) {
            update.bind("kind", kind);
          }
          values.accept(update);
          if (update.execute() == 0) {
            throw new IllegalArgumentException(
                "no pull request or issue #" + number + " in " + repo);
          }
        });
  }

  private static void insertLabels(Handle h, String repo, int number, Collection<String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO local_forge_label (repo, number, label) VALUES (:repo, :number, :label)");
    for (String label : labels) {
      batch.bind("repo", repo).bind("number", number).bind("label", label).add();
    }
    batch.execute();
  }

  private static void requireItem(Handle h, String repo, int number) {
    boolean present =
        h.createQuery("SELECT 1 FROM local_forge_item WHERE repo = :repo AND number = :number")
            .bind("repo", repo)
            .bind("number", number)
            .mapTo(Integer.class)
            .findFirst()
            .isPresent();
    if (!present) {
      throw new IllegalArgumentException("no issue or pull request #" + number + " in " + repo);
    }
  }

  private void touch(Handle h, String repo, int number) {
    h.createUpdate(
            "UPDATE local_forge_item SET updated_at = :now WHERE repo = :repo AND number = :number")
        .bind("now", clock.instant())
        .bind("repo", repo)
        .bind("number", number)
        .execute();
  }

  private static Comment comment(String repo, int number, long id, String body) {
    return new Comment(id, body, LocalForgeRecords.url(repo, "issues", number) + "#comment-" + id);
  }
}
