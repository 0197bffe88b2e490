package dev.gitopscrew.assembly;

import dev.gitopscrew.audit.JdbcAuditLog;
import dev.gitopscrew.channel.AcceptChatRequest;
import dev.gitopscrew.channel.AnswerChannelCommand;
import dev.gitopscrew.channel.ChannelPolicy;
import dev.gitopscrew.channel.ChatConnection;
import dev.gitopscrew.channel.ChatRequests;
import dev.gitopscrew.channel.DecideByButton;
import dev.gitopscrew.channel.DeliverChatReplies;
import dev.gitopscrew.channel.FollowAlert;
import dev.gitopscrew.channel.FollowAlertByName;
import dev.gitopscrew.channel.discord.DiscordConnection;
import dev.gitopscrew.channel.discord.JdaChatChannel;
import dev.gitopscrew.channel.webhook.FollowAlertByWebhook;
import dev.gitopscrew.channel.webhook.PostWebhookNotification;
import dev.gitopscrew.config.CrewConfig.DiscordSection;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.session.DaemonThreads;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.settings.AlertsDestination;
import dev.gitopscrew.settings.Secret;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The chat part of the crew: the Discord bot (JDA behind the ChatChannel port) when {@code
 * channels.discord.enabled} and {@code DISCORD_BOT_TOKEN} are set, and the webhook notifications
 * ({@code DISCORD_WEBHOOK_*}) that work without it. Building it connects nothing: the gateway's
 * lifecycle starts the connection (see {@link Crew#chat()}).
 */
public final class ChatWiring implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ChatWiring.class);

  public static final String TOKEN_VARIABLE = "DISCORD_BOT_TOKEN";

  private final ChatConnection connection;
  private final PostWebhookNotification webhooks;
  private final ExecutorService work;
  private final FollowAlert alerts;
  private final FollowAlertByName alertsByName;
  private final String alertsDestination;
  private final DiscordSection discord;
  // with the bot: what follows a request into a channel; null while the bot is off
  private final AcceptChatRequest accept;
  private final BiFunction<String, String, FollowAlert> byWebhook;

  ChatWiring(
      DiscordSection discord,
      Map<String, String> env,
      DataSource dataSource,
      RunRequest runRequest,
      SessionEngine engine,
      JdbcAuditLog audit,
      Redactor redactor,
      IncidentLog incidents) {
    this.webhooks = PostWebhookNotification.of(env);
    this.discord = discord;
    LongFunction<Optional<String>> severityOf =
        root ->
            incidents.list(100).stream()
                .filter(i -> i.requestId() != null && i.requestId() == root)
                .findFirst()
                .map(Incident::severity);
    AtomicInteger n = new AtomicInteger();
    this.work =
        Executors.newCachedThreadPool(
            r -> DaemonThreads.named("discord-work-" + n.incrementAndGet()).newThread(r));
    String token = env.get(TOKEN_VARIABLE);
    this.byWebhook =
        (name, requester) ->
            new FollowAlertByWebhook(
                name, requester, webhooks, runRequest, engine, severityOf, work, audit, redactor);
    FollowAlert webhookAlerts =
        webhooks.has("alerts")
            ? byWebhook.apply("alerts", "argocd")
            : FollowAlert.nowhere(AlertsDestination.FIX);
    String webhookName =
        webhooks.has("alerts") ? "the webhook " + AlertsDestination.WEBHOOK_VARIABLE : "nowhere";
    if (!discord.isEnabled() || token == null || token.isBlank()) {
      this.alerts = webhookAlerts;
      this.alertsByName = null;
      this.alertsDestination = webhookName;
      this.accept = null;
      this.connection =
          ChatConnection.off(
              discord.isEnabled()
                  ? "channels.discord.enabled is set but " + TOKEN_VARIABLE + " is not"
                  : "the bot is not configured (channels.discord.enabled)");
      return;
    }
    Clock clock = Clock.systemUTC();
    ChannelPolicy policy = new ChannelPolicy(discord, runRequest.permissions().channelOwners());
    JdaChatChannel chat = new JdaChatChannel();
    ChatRequests requests = new ChatRequests(dataSource, clock);
    DeliverChatReplies deliver =
        new DeliverChatReplies(chat, requests, engine, audit, redactor, clock);
    deliver.severities(severityOf);
    AcceptChatRequest accept =
        new AcceptChatRequest(chat.name(), policy, requests, runRequest, deliver, work);
    this.accept = accept;
    String alertsChannel = discord.alertsChannel();
    if (alertsChannel != null) {
      this.alerts =
          root -> accept.follow(root, guildOf(discord, alertsChannel), alertsChannel, "argocd");
      this.alertsByName = null;
      this.alertsDestination = "channel " + alertsChannel + " (channels.discord.alertsChannel)";
    } else {
      this.alertsByName =
          new FollowAlertByName(
              discord,
              (root, guild, channel) -> accept.follow(root, guild, channel, "argocd"),
              webhookAlerts,
              webhookName,
              webhooks.has("alerts"),
              work);
      this.alerts = alertsByName;
      this.alertsDestination = null;
    }
    DecideByButton decide =
        new DecideByButton(policy, runRequest, engine.approvals(), requests, accept, deliver);
    this.connection =
        new DiscordConnection(
            new DiscordConnection.Settings(
                discord.apiBaseUrlOrDefault(),
                new Secret(token),
                Set.copyOf(discord.guilds().keySet())),
            chat,
            accept,
            decide,
            new AnswerChannelCommand(chat, policy, engine, decide, runRequest.catalogue()),
            deliver,
            work);
    if (alertsByName != null) {
      ((DiscordConnection) connection).lookUpAlertsByName(alertsByName);
    }
  }

  private static String guildOf(DiscordSection discord, String channelId) {
    return discord.guilds().entrySet().stream()
        .filter(g -> g.getValue().channels().containsKey(channelId))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /**
   * Where incident responses are followed: with the bot, {@code channels.discord.alertsChannel},
   * else the allowed channel named {@code alerts} found when the bot connects; else {@code
   * DISCORD_WEBHOOK_ALERTS}, else nowhere (each such alert said in the log). The same rules as
   * {@link AlertsDestination}, which the CLI prints.
   */
  public FollowAlert alerts() {
    return alerts;
  }

  /**
   * Follows a request into Discord channel {@code channelId} through the bot, as alerts are
   * followed into {@code channels.discord.alertsChannel}; with the bot off, or a channel in no
   * configured guild, each request is only said in the log.
   *
   * @param requester who the post is for, in the chat requests and the audit (a schedule's name)
   */
  public FollowAlert followInto(String channelId, String requester) {
    String why =
        accept == null
            ? "the bot is off (" + connection.state().detail() + ")"
            : guildOf(discord, channelId) == null
                ? "it is in no guild's channels (channels.discord.guilds)"
                : null;
    if (why != null) {
      return root ->
          LOG.warnf("request #%d is not posted to Discord channel %s: %s", root, channelId, why);
    }
    String guild = guildOf(discord, channelId);
    return root -> accept.follow(root, guild, channelId, requester);
  }

  /**
   * Follows a request into the Discord webhook {@code name} ({@code DISCORD_WEBHOOK_NAME}); with no
   * such variable, each request is only said in the log (the URL is never).
   *
   * @param requester who the post is for, in the audit (a schedule's name)
   */
  public FollowAlert followByWebhook(String name, String requester) {
    if (!webhooks.has(name)) {
      String variable = PostWebhookNotification.PREFIX + name.toUpperCase(Locale.ROOT);
      return root ->
          LOG.warnf("request #%d is not posted to a webhook: %s is not set", root, variable);
    }
    return byWebhook.apply(name, requester);
  }

  /** Where incident reports go now, in words, for {@code /api/status}. */
  public String alertsDestination() {
    return alertsByName != null ? alertsByName.describe() : alertsDestination;
  }

  /** The bot's connection (an "off" one when the bot is not configured). */
  public ChatConnection connection() {
    return connection;
  }

  /** Notifications over webhook URLs, for when the bot is not configured. */
  public PostWebhookNotification webhooks() {
    return webhooks;
  }

  /**
   * Waits, at most {@code atMost}, for the posts handed over so far (a command that posts a result
   * and ends, {@code crew schedules run}); nothing more is taken afterwards.
   */
  public void finishPosts(java.time.Duration atMost) throws InterruptedException {
    work.shutdown();
    work.awaitTermination(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    connection.close();
    work.shutdownNow();
  }
}
