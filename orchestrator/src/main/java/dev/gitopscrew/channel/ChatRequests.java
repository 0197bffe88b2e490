package dev.gitopscrew.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Chat requests in the state store: written before the sender is acknowledged, unique on the
 * platform's id, and marked answered only once the reply was posted.
 */
public final class ChatRequests {

  public static final String RECEIVED = "received";
  public static final String RUNNING = "running";
  public static final String PARKED = "parked";
  public static final String ANSWERED = "answered";

  /** One chat request as stored. */
  public record Entry(
      long id,
      String channel,
      String sourceId,
      String guildId,
      String channelId,
      String requester,
      String text,
      String state,
      Long sessionId,
      String approvalId,
      String approvalMessageId,
      String replyMessageId,
      String requestJson) {}

  private static final String COLUMNS =
      "id, channel, source_id, guild_id, channel_id, requester, text, state, session_id,"
          + " approval_id, approval_message_id, reply_message_id, request_json";

  private final Jdbi jdbi;
  private final Clock clock;

  public ChatRequests(DataSource dataSource, Clock clock) {
    this.jdbi = Jdbi.create(dataSource);
    this.clock = clock;
  }

  /** Stores a new request; empty when one with the same source id is stored already. */
  public Optional<Entry> receive(
      String channel,
      String sourceId,
      String guildId,
      String channelId,
      String requester,
      String text) {
    return receive(channel, sourceId, guildId, channelId, requester, text, null);
  }

  /**
   * Stores a new request, typed ({@code requestJson}, a slash command's) or in words (null); empty
   * when one with the same source id is stored already.
   */
  public Optional<Entry> receive(
      String channel,
      String sourceId,
      String guildId,
      String channelId,
      String requester,
      String text,
      String requestJson) {
    String clipped = text.length() > 4000 ? text.substring(0, 4000) : text;
    int inserted;
    try {
      inserted = insert(channel, sourceId, guildId, channelId, requester, clipped, requestJson);
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      if (bySource(channel, sourceId).isPresent()) {
        return Optional.empty(); // the same message, stored already (the unique key refused it)
      }
      throw e;
    }
    return inserted == 1 ? bySource(channel, sourceId) : Optional.empty();
  }

  private int insert(
      String channel,
      String sourceId,
      String guildId,
      String channelId,
      String requester,
      String clipped,
      String requestJson) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO chat_requests (channel, source_id, guild_id, channel_id,"
                        + " requester, text, state, received_at, request_json) VALUES (:channel,"
                        + " :source, :guild, :channelId, :requester, :text, 'received', :at,"
                        + " :json)")
                .bindBySqlType("json", requestJson, java.sql.Types.VARCHAR)
                .bind("channel", channel)
                .bind("source", sourceId)
                .bindBySqlType("guild", guildId, java.sql.Types.VARCHAR)
                .bind("channelId", channelId)
                .bind("requester", requester)
                .bind("text", clipped)
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                .execute());
  }

  public Optional<Entry> bySource(String channel, String sourceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM chat_requests WHERE channel = :channel AND source_id = :source")
                .bind("channel", channel)
                .bind("source", sourceId)
                .map(ChatRequests::read)
                .findOne());
  }

  public Optional<Entry> byApproval(String approvalId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM chat_requests WHERE approval_id = :a")
                .bind("a", approvalId)
                .map(ChatRequests::read)
                .findFirst());
  }

  /** The id of the newest request of {@code channel}, 0 when there is none. */
  public long newestId(String channel) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COALESCE(MAX(id), 0) FROM chat_requests WHERE channel = :channel")
                .bind("channel", channel)
                .mapTo(Long.class)
                .one());
  }

  /** Requests not answered yet, oldest first. */
  public List<Entry> open(String channel) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM chat_requests WHERE channel = :channel AND state <> 'answered'"
                        + " ORDER BY id")
                .bind("channel", channel)
                .map(ChatRequests::read)
                .list());
  }

  public void running(long id, long sessionId) {
    update(
        "UPDATE chat_requests SET state = 'running', session_id = :v WHERE id = :id",
        id,
        sessionId);
  }

  /** The approval embed was posted; the request waits for a decision. */
  public void parked(long id, String approvalId, String messageId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE chat_requests SET state = 'parked', approval_id = :a,"
                        + " approval_message_id = :m WHERE id = :id")
                .bind("a", approvalId)
                .bind("m", messageId)
                .bind("id", id)
                .execute());
  }

  /** A decision was made on the parked request: its result is due again. */
  public void resumed(long id) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE chat_requests SET state = 'running' WHERE id = :id AND state ="
                        + " 'parked'")
                .bind("id", id)
                .execute());
  }

  /** The reply was posted; false when another thread answered it first. */
  public boolean answered(long id, String messageId) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE chat_requests SET state = 'answered', reply_message_id = :m,"
                            + " answered_at = :at WHERE id = :id AND state <> 'answered'")
                    .bind("m", messageId)
                    .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .bind("id", id)
                    .execute())
        == 1;
  }

  private void update(String sql, long id, Object value) {
    jdbi.useHandle(h -> h.createUpdate(sql).bind("v", value).bind("id", id).execute());
  }

  private static Entry read(ResultSet rs, StatementContext ctx) throws SQLException {
    Object session = rs.getObject("session_id");
    return new Entry(
        rs.getLong("id"),
        rs.getString("channel"),
        rs.getString("source_id"),
        rs.getString("guild_id"),
        rs.getString("channel_id"),
        rs.getString("requester"),
        rs.getString("text"),
        rs.getString("state"),
        session == null ? null : ((Number) session).longValue(),
        rs.getString("approval_id"),
        rs.getString("approval_message_id"),
        rs.getString("reply_message_id"),
        rs.getString("request_json"));
  }
}
