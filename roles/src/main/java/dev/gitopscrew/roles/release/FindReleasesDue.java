package dev.gitopscrew.roles.release;

import dev.gitopscrew.release.ReleaseException;
import dev.gitopscrew.release.Releases;
import dev.gitopscrew.request.ReleaseDue;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * homelab-admin: the repositories whose merged pull requests have waited for a release for {@code
 * days} or more, read from their release plans without writing (a schedule's reminder that merged
 * work waits).
 */
public final class FindReleasesDue implements Action<ReleaseDue> {

  /** The structured result: the work due, and what merely waits (merged more recently). */
  public record Due(
      int days,
      List<UnreleasedWork.Waiting> due,
      List<UnreleasedWork.Waiting> waiting,
      List<UnreleasedWork.Unread> unread) {}

  private final Releases releases;
  private final Clock clock;

  public FindReleasesDue(Releases releases, Clock clock) {
    this.releases = releases;
    this.clock = clock;
  }

  @Override
  public Class<ReleaseDue> handles() {
    return ReleaseDue.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.RELEASE_PLAN);
  }

  @Override
  public String run(ReleaseDue request, ActionContext context) {
    UnreleasedWork.Found found;
    try {
      found = UnreleasedWork.of(releases, request.repository());
    } catch (ReleaseException e) {
      throw new ActionFailedException(e.getMessage());
    }
    Instant now = clock.instant();
    List<UnreleasedWork.Waiting> due = new ArrayList<>();
    List<UnreleasedWork.Waiting> waiting = new ArrayList<>();
    for (UnreleasedWork.Waiting w : found.waiting()) {
      (w.waitedAtLeast(request.days(), now) ? due : waiting).add(w);
    }
    context.data(new Due(request.days(), due, waiting, found.unread()));
    StringBuilder out = new StringBuilder();
    String where = request.repository() == null ? "" : " in " + request.repository();
    if (due.isEmpty()) {
      out.append("no merged work has waited ")
          .append(days(request.days()))
          .append(" or more for a release")
          .append(where);
    } else {
      out.append(due.size() == 1 ? "1 repository has" : due.size() + " repositories have")
          .append(" merged work waiting ")
          .append(days(request.days()))
          .append(" or more for a release:");
      due.forEach(w -> out.append("\n- ").append(w.line()));
    }
    found
        .unread()
        .forEach(
            u -> out.append("\nnot read: ").append(u.repository()).append(": ").append(u.reason()));
    return out.toString();
  }

  private static String days(int n) {
    return n == 1 ? "1 day" : n + " days";
  }
}
