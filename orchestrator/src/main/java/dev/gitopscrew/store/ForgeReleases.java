package dev.gitopscrew.store;

import dev.gitopscrew.forge.local.LocalForgeRecords.Milestone;
import dev.gitopscrew.forge.local.LocalForgeRecords.Release;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The local forge's milestones and releases (migrations V3 and V7). */
final class ForgeReleases {

  private final Jdbi jdbi;
  private final Clock clock;

  ForgeReleases(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Creates an open milestone {@code title} unless there is one. */
  void ensureMilestone(String repo, String title) {
    jdbi.useTransaction(h -> ensureMilestone(h, repo, title));
  }

  private static void ensureMilestone(Handle h, String repo, String title) {
    boolean present =
        h.createQuery("SELECT 1 FROM local_forge_milestone WHERE repo = :repo AND title = :title")
            .bind("repo", repo)
            .bind("title", title)
            .mapTo(Integer.class)
            .findFirst()
            .isPresent();
    if (!present) {
      h.createUpdate(
              "INSERT INTO local_forge_milestone (repo, title, is_open) VALUES (:repo, :title,"
                  + " TRUE)")
          .bind("repo", repo)
          .bind("title", title)
          .execute();
    }
  }

  List<Milestone> milestones(String repo) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT title, is_open, description FROM local_forge_milestone WHERE repo ="
                        + " :repo ORDER BY title")
                .bind("repo", repo)
                .map((r, ctx) -> new Milestone(r.getString(1), r.getBoolean(2), r.getString(3)))
                .list());
  }

  void closeMilestone(String repo, String title) {
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    "UPDATE local_forge_milestone SET is_open = FALSE WHERE repo = :repo AND title"
                        + " = :title")
                .bind("repo", repo)
                .bind("title", title)
                .execute());
  }

  void createMilestone(String repo, String title, String description) {
    jdbi.useTransaction(
        h -> {
          ensureMilestone(h, repo, title);
          h.createUpdate(
                  "UPDATE local_forge_milestone SET description = :description WHERE repo = :repo"
                      + " AND title = :title AND description = ''")
              .bind("description", description == null ? "" : description)
              .bind("repo", repo)
              .bind("title", title)
              .execute();
        });
  }

  /** Renames, describes, opens or closes a milestone; its issues and pull requests move along. */
  void updateMilestone(
      String repo, String title, String newTitle, String description, boolean open) {
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE local_forge_milestone SET title = :newTitle, description ="
                          + " :description, is_open = :open WHERE repo = :repo AND title = :title")
                  .bind("newTitle", newTitle)
                  .bind("description", description == null ? "" : description)
                  .bind("open", open)
                  .bind("repo", repo)
                  .bind("title", title)
                  .execute();
          if (updated == 0) {
            throw new IllegalArgumentException("no milestone " + title + " in " + repo);
          }
          if (!title.equals(newTitle)) {
            h.createUpdate(
                    "UPDATE local_forge_item SET milestone = :newTitle, updated_at = :now WHERE"
                        + " repo = :repo AND milestone = :title")
                .bind("newTitle", newTitle)
                .bind("now", clock.instant())
                .bind("repo", repo)
                .bind("title", title)
                .execute();
          }
        });
  }

  /** Inserts a release; a release of that tag already there is kept and returned instead. */
  Release insertRelease(String repo, Release release) {
    return jdbi.inTransaction(
        h -> {
          Optional<Release> existing =
              h.createQuery(
                      "SELECT tag, title, notes FROM local_forge_release WHERE repo = :repo AND"
                          + " tag = :tag")
                  .bind("repo", repo)
                  .bind("tag", release.tag())
                  .map((r, ctx) -> new Release(r.getString(1), r.getString(2), r.getString(3)))
                  .findFirst();
          if (existing.isPresent()) {
            return existing.get();
          }
          h.createUpdate(
                  "INSERT INTO local_forge_release (repo, tag, title, notes, created_at) VALUES"
                      + " (:repo, :tag, :title, :notes, :now)")
              .bind("repo", repo)
              .bind("tag", release.tag())
              .bind("title", release.title())
              .bind("notes", release.notes())
              .bind("now", clock.instant())
              .execute();
          return release;
        });
  }

  List<Release> releases(String repo) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT tag, title, notes FROM local_forge_release WHERE repo = :repo ORDER"
                        + " BY created_at, tag")
                .bind("repo", repo)
                .map((r, ctx) -> new Release(r.getString(1), r.getString(2), r.getString(3)))
                .list());
  }

  void updateRelease(String repo, Release release) {
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    "UPDATE local_forge_release SET title = :title, notes = :notes WHERE repo ="
                        + " :repo AND tag = :tag")
                .bind("title", release.title())
                .bind("notes", release.notes())
                .bind("repo", repo)
                .bind("tag", release.tag())
                .execute());
  }
}
