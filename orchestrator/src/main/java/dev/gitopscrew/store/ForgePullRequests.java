package dev.gitopscrew.store;

import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.LocalForgeRecords.Merge;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The local forge's pull requests (numbered, labelled and commented on as {@link ForgeItems}),
 * their merges (migration V7) and the statuses of their commits (migration V8).
 */
final class ForgePullRequests {

  private final Jdbi jdbi;
  private final Clock clock;
  private final ForgeItems items;

  ForgePullRequests(Jdbi jdbi, Clock clock, ForgeItems items) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.items = items;
  }

  /** Inserts the pull request; its milestone, if any, is the caller's to create. */
  int insert(String repo, NewPullRequest pr) {
    return items.insert(
        repo,
        ForgeItems.PULL,
        pr.title(),
        pr.body(),
        pr.branch(),
        pr.baseBranch(),
        pr.milestone(),
        pr.labels());
  }

  Optional<PullRequest> pullRequest(String repo, int number) {
    return items.rows(repo, ForgeItems.PULL, number).stream()
        .findFirst()
        .map(ForgeItems.Row::toPullRequest);
  }

  List<PullRequest> pullRequests(String repo) {
    return items.rows(repo, ForgeItems.PULL, null).stream()
        .map(ForgeItems.Row::toPullRequest)
        .toList();
  }

  void update(String repo, int number, String title, String body) {
    items.update(
        repo,
        number,
        ForgeItems.PULL,
        "title = :title, body = :body",
        u -> u.bind("title", title).bind("body", body));
  }

  void setState(String repo, int number, PullRequest.State state) {
    items.update(
        repo, number, ForgeItems.PULL, "state = :state", u -> u.bind("state", state.name()));
  }

  void markMerged(String repo, int number, String commit, Instant at) {
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE local_forge_item SET state = 'MERGED', merge_commit = :commit,"
                          + " merged_at = :at, updated_at = :now WHERE repo = :repo AND number ="
                          + " :number AND kind = 'PULL'")
                  .bind("commit", commit)
                  .bind("at", at)
                  .bind("now", clock.instant())
                  .bind("repo", repo)
                  .bind("number", number)
                  .execute();
          if (updated == 0) {
            throw new IllegalArgumentException("no pull request #" + number + " in " + repo);
          }
        });
  }

  List<Merge> merges(String repo) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT number, merge_commit, merged_at FROM local_forge_item WHERE repo ="
                        + " :repo AND kind = 'PULL' AND merge_commit IS NOT NULL ORDER BY number")
                .bind("repo", repo)
                .map(
                    (r, ctx) ->
                        new Merge(r.getInt(1), r.getString(2), r.getTimestamp(3).toInstant()))
                .list());
  }

  void setCommitStatus(String repo, CommitStatus status) {
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    // standard MERGE: H2 and PostgreSQL (15 and later) both take it
                    "MERGE INTO local_forge_status t USING (VALUES (:repo, :sha, :context, :state,"
                        + " :description, :url, CAST(:now AS TIMESTAMP)))"
                        + " AS s"
                        + " (repo, sha, context, state, description, target_url, updated_at)"
                        + " ON t.repo = s.repo AND t.sha = s.sha AND t.context = s.context"
                        + " WHEN MATCHED THEN UPDATE SET state = s.state, description ="
                        + " s.description, target_url = s.target_url, updated_at = s.updated_at"
                        + " WHEN NOT MATCHED THEN INSERT (repo, sha, context, state, description,"
                        + " target_url, updated_at) VALUES (s.repo, s.sha, s.context, s.state,"
                        + " s.description, s.target_url, s.updated_at)")
                .bind("repo", repo)
                .bind("sha", status.commit())
                .bind("context", status.context())
                .bind("state", status.state().name())
                .bind("description", status.description())
                .bind("url", status.targetUrl())
                .bind("now", clock.instant())
                .execute());
  }

  List<CommitStatus> commitStatuses(String repo, String commit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT context, state, description, target_url FROM local_forge_status"
                        + " WHERE repo = :repo AND sha = :sha ORDER BY context")
                .bind("repo", repo)
                .bind("sha", commit)
                .map(
                    (r, ctx) ->
                        new CommitStatus(
                            commit,
                            CommitStatus.State.valueOf(r.getString(2)),
                            r.getString(1),
                            r.getString(3),
                            r.getString(4)))
                .list());
  }
}
