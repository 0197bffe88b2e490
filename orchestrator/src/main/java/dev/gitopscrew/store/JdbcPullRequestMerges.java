package dev.gitopscrew.store;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Pull requests merged, as the forges' webhooks reported them: one row per pull request, found
 * again by its merge commit when Argo CD reports that revision deployed.
 */
public final class JdbcPullRequestMerges {

  /** One merged pull request; {@code verifiedBy} is the verification's session, or null. */
  public record Merge(
      String forge,
      String repository,
      int number,
      String mergeCommit,
      String mergedBy,
      Long verifiedBy) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbcPullRequestMerges(DataSource dataSource, Clock clock) {
    this.jdbi = Jdbi.create(dataSource);
    this.clock = clock;
  }

  /** Records a merge; a repeat of the same pull request keeps the first record. */
  public boolean record(
      String forge, String repository, int number, String mergeCommit, String mergedBy) {
    return jdbi.inTransaction(
        h -> {
          boolean known =
              h.createQuery(
                          "SELECT COUNT(*) FROM pull_request_merges WHERE repository = :r AND number = :n")
                      .bind("r", repository)
                      .bind("n", number)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (known) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO pull_request_merges (forge, repository, number, merge_commit,"
                      + " merged_by, recorded_at) VALUES (:f, :r, :n, :c, :by, :at)")
              .bind("f", forge)
              .bind("r", repository)
              .bind("n", number)
              .bind("c", mergeCommit)
              .bind("by", mergedBy)
              .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
              .execute();
          return true;
        });
  }

  /** The merge whose commit is {@code revision} (a full SHA, or a prefix of at least 7). */
  public Optional<Merge> byCommit(String revision) {
    if (revision == null || !revision.matches("[0-9a-fA-F]{7,64}")) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT forge, repository, number, merge_commit, merged_by, verified_by FROM"
                        + " pull_request_merges WHERE merge_commit LIKE :c ORDER BY id DESC")
                .bind("c", revision.toLowerCase(java.util.Locale.ROOT) + "%")
                .map(
                    (rs, ctx) -> {
                      long v = rs.getLong("verified_by");
                      Long verifiedBy = rs.wasNull() ? null : v;
                      return new Merge(
                          rs.getString("forge"),
                          rs.getString("repository"),
                          rs.getInt("number"),
                          rs.getString("merge_commit"),
                          rs.getString("merged_by"),
                          verifiedBy);
                    })
                .findFirst());
  }

  /** Marks a merge verified by session {@code sessionId}. */
  public void verified(String repository, int number, long sessionId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE pull_request_merges SET verified_by = :s WHERE repository = :r AND"
                        + " number = :n")
                .bind("s", sessionId)
                .bind("r", repository)
                .bind("n", number)
                .execute());
  }
}
