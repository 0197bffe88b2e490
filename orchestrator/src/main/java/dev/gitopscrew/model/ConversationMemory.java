package dev.gitopscrew.model;

import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.work.Origin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The last turns of free text in one place — a Discord channel or thread, a pull request, a person
 * at the command line or the API — so a follow-up ("now label it type:docs", "and restart it") can
 * refer to what was just done. Bounded in the store on every write: the newest {@value #MAX_TURNS}
 * turns of a place, none older than a day, each text clipped to {@value #MAX_TEXT} characters.
 */
public final class ConversationMemory {

  /** Turns kept per place. */
  public static final int MAX_TURNS = 10;

  /** How long a turn is remembered. */
  public static final Duration MAX_AGE = Duration.ofHours(24);

  /** Characters kept of the person's text and of the crew's answer. */
  public static final int MAX_TEXT = 2_000;

  /** Sessions one turn remembers, and the characters of each one's line. */
  static final int MAX_STARTED = 12;

  static final int MAX_STARTED_LINE = 300;

  /** A session a turn started, and one line of what became of it. */
  public record Started(long sessionId, String line) {}

  /** One remembered turn: what was asked, what the crew answered, the sessions it started. */
  public record Turn(
      long sessionId, Instant askedAt, String text, String answer, List<Started> started) {
    public Turn {
      started = List.copyOf(started);
    }
  }

  private final Jdbi jdbi;
  private final Clock clock;

  public ConversationMemory(DataSource dataSource, Clock clock) {
    this.jdbi = Jdbi.create(dataSource);
    this.clock = clock;
  }

  /**
   * The place a free-text request continues: the one it names, else its origin's channel and
   * requester ({@code cli:<user>}, {@code api:<requester>}).
   */
  public static String placeOf(Ask ask, Origin origin) {
    String place =
        Optional.ofNullable(ask.place()).orElse(origin.channel() + ":" + origin.requester());
    return place.length() > 200 ? place.substring(0, 200) : place;
  }

  /** The key of a pull request's conversation. */
  public static String pullRequest(String repository, int number) {
    return "pr:" + repository + "#" + number;
  }

  /** The key of a Discord channel's (or thread's) conversation. */
  public static String discord(String channelId) {
    return "discord:" + channelId;
  }

  /** The remembered turns of {@code place}, oldest first. */
  public List<Turn> recall(String place) {
    OffsetDateTime since = clock.instant().minus(MAX_AGE).atOffset(ZoneOffset.UTC);
    List<Turn> newest =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT session_id, asked_at, text, answer, started FROM conversation_turns"
                            + " WHERE place = :place AND asked_at >= :since ORDER BY id DESC")
                    .bind("place", place)
                    .bind("since", since)
                    .setMaxRows(MAX_TURNS)
                    .map(
                        (rs, ctx) ->
                            new Turn(
                                rs.getLong("session_id"),
                                rs.getObject("asked_at", OffsetDateTime.class).toInstant(),
                                rs.getString("text"),
                                rs.getString("answer"),
                                started(rs.getString("started"))))
                    .list());
    List<Turn> oldestFirst = new ArrayList<>(newest);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** Keeps one turn of {@code place} and forgets what is past the bounds. */
  public void remember(
      String place, long sessionId, String text, String answer, List<Started> started) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO conversation_turns"
                      + " (place, session_id, asked_at, text, answer, started)"
                      + " VALUES (:place, :session, :at, :text, :answer, :started)")
              .bind("place", place)
              .bind("session", sessionId)
              .bind("at", now.atOffset(ZoneOffset.UTC))
              .bind("text", clip(text, MAX_TEXT))
              .bind("answer", clip(answer, MAX_TEXT))
              .bind("started", lines(started))
              .execute();
          h.createUpdate("DELETE FROM conversation_turns WHERE asked_at < :since")
              .bind("since", now.minus(MAX_AGE).atOffset(ZoneOffset.UTC))
              .execute();
          Optional<Long> oldestKept =
              h
                  .createQuery(
                      "SELECT id FROM conversation_turns WHERE place = :place ORDER BY id DESC")
                  .bind("place", place)
                  .setMaxRows(MAX_TURNS)
                  .mapTo(Long.class)
                  .list()
                  .stream()
                  .reduce((a, b) -> b);
          oldestKept.ifPresent(
              id ->
                  h.createUpdate("DELETE FROM conversation_turns WHERE place = :place AND id < :id")
                      .bind("place", place)
                      .bind("id", id)
                      .execute());
        });
  }

  /** One {@code id<TAB>line} per session, at most {@value #MAX_STARTED}, within the column. */
  private static String lines(List<Started> started) {
    StringBuilder out = new StringBuilder();
    for (Started s : started.subList(0, Math.min(started.size(), MAX_STARTED))) {
      String line = clip(s.line().replaceAll("[\\t\\r\\n]+", " ").strip(), MAX_STARTED_LINE);
      out.append(s.sessionId()).append('\t').append(line).append('\n');
    }
    return clip(out.toString(), 4000);
  }

  private static List<Started> started(String lines) {
    List<Started> out = new ArrayList<>();
    for (String line : lines.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        try {
          out.add(new Started(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1)));
        } catch (NumberFormatException e) {
          // a line the bound cut in its id: nothing to show
        }
      }
    }
    return out;
  }

  private static String clip(String text, int max) {
    String t = text == null ? "" : text;
    return t.length() > max ? t.substring(0, max - 1) + "…" : t;
  }
}
