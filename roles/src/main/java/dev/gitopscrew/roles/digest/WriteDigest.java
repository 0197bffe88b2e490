package dev.gitopscrew.roles.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gitopscrew.release.Releases;
import dev.gitopscrew.request.Digest;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.release.UnreleasedWork;
import dev.gitopscrew.roles.work.CrewActivity;
import dev.gitopscrew.roles.work.PastResults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * homelab-admin: what happened since the last digest asked by the same requester (a schedule), or
 * over the last {@code days} for the first one: requests by outcome and those that went wrong,
 * incidents, approvals waiting, and merged work waiting for a release.
 */
public final class WriteDigest implements Action<Digest> {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** What a digest covered (its structured data): the next one starts where it ended. */
  public record Seen(
      Instant since,
      Instant until,
      CrewActivity.Span activity,
      List<UnreleasedWork.Waiting> releases,
      List<UnreleasedWork.Unread> unread) {}

  private final CrewActivity activity;
  private final Releases releases;
  private final PastResults past;
  private final Clock clock;

  public WriteDigest(CrewActivity activity, Releases releases, PastResults past, Clock clock) {
    this.activity = activity;
    this.releases = releases;
    this.past = past;
    this.clock = clock;
  }

  @Override
  public Class<Digest> handles() {
    return Digest.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.SESSIONS_READ);
  }

  @Override
  public String run(Digest request, ActionContext context) {
    Instant until = clock.instant();
    Instant since =
        past.lastData(
                context.assignment().origin(), context.agent().id(), request, context.sessionId())
            .flatMap(WriteDigest::read)
            .map(Seen::until)
            .orElse(until.minus(Duration.ofDays(request.days())));
    UnreleasedWork.Found found = UnreleasedWork.of(releases, null);
    Seen seen =
        new Seen(
            since,
            until,
            activity.between(since, until, context.assignment().rootId()),
            found.waiting(),
            found.unread());
    context.data(seen);
    return DigestText.of(seen);
  }

  private static Optional<Seen> read(String json) {
    try {
      return Optional.ofNullable(JSON.readValue(json, Seen.class));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // not what a digest leaves: start from the look-back
    }
  }
}
