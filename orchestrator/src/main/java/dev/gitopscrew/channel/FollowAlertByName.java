package dev.gitopscrew.channel;

import dev.gitopscrew.config.CrewConfig.DiscordSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Alerts of a bot configured without {@code channels.discord.alertsChannel}: into the channel named
 * {@code alerts} that {@code groupPolicy} allows in a configured guild, looked up by name in the
 * connection's channel cache each time the bot connects; when there is none, into the fallback
 * ({@code DISCORD_WEBHOOK_ALERTS}, or nowhere, said in the log). An alert raised before the bot
 * ever connected goes to the webhook when there is one, and otherwise waits for the first
 * connection's answer.
 */
public final class FollowAlertByName implements FollowAlert {

  private static final Logger LOG = Logger.getLogger(FollowAlertByName.class);

  /** The name of the channel looked for. */
  public static final String NAME = "alerts";

  /** The channel found: its guild and id. */
  public record Found(String guildId, String channelId) {}

  /** The ids of a guild's text channels named {@code name}, from the connection's cache. */
  @FunctionalInterface
  public interface Directory {
    List<String> channelsNamed(String guildId, String name);
  }

  /** Follows a request into a channel of a guild (the bot's delivery). */
  @FunctionalInterface
  public interface IntoChannel {
    void follow(long rootId, String guildId, String channelId);
  }

  private final DiscordSection discord;
  private final IntoChannel into;
  private final FollowAlert fallback;
  private final String fallbackName;
  private final boolean fallbackPosts;
  private final Executor work;
  private final CompletableFuture<Void> firstLookup = new CompletableFuture<>();
  private volatile Optional<Found> found; // null until the bot connected once

  /**
   * @param fallback where alerts go when no channel named alerts is found
   * @param fallbackName how the fallback is described ({@code DISCORD_WEBHOOK_ALERTS}, nowhere...)
   * @param fallbackPosts whether the fallback posts anything (a webhook) or only logs
   */
  public FollowAlertByName(
      DiscordSection discord,
      IntoChannel into,
      FollowAlert fallback,
      String fallbackName,
      boolean fallbackPosts,
      Executor work) {
    this.discord = discord;
    this.into = into;
    this.fallback = fallback;
    this.fallbackName = fallbackName;
    this.fallbackPosts = fallbackPosts;
    this.work = work;
  }

  /** Looks for the channel named alerts again (on every READY); says in the log what it found. */
  public Optional<Found> lookUp(Directory directory) {
    List<Found> all = new ArrayList<>();
    for (String guildId : discord.guilds().keySet().stream().sorted().toList()) {
      for (String channelId : directory.channelsNamed(guildId, NAME)) {
        if (ChannelPolicy.allows(discord, guildId, channelId)) {
          all.add(new Found(guildId, channelId));
        }
      }
    }
    Optional<Found> first = all.stream().findFirst();
    if (first.isPresent()) {
      LOG.infof(
          "discord: incident reports go to the channel named %s (%s in guild %s)%s",
          NAME,
          first.get().channelId(),
          first.get().guildId(),
          all.size() > 1
              ? "; others of that name are not used: " + all.subList(1, all.size())
              : "");
    } else {
      LOG.warnf(
          "discord: no channel named %s that groupPolicy allows in guilds %s, and no"
              + " channels.discord.alertsChannel: incident reports go to %s",
          NAME, discord.guilds().keySet().stream().sorted().toList(), fallbackName);
    }
    found = first;
    firstLookup.complete(null);
    return first;
  }

  /** Where alerts go now, for {@code /api/status}. */
  public String describe() {
    Optional<Found> now = found;
    if (now == null) {
      return "the channel named "
          + NAME
          + ", resolved when the bot connects (not connected yet; meanwhile "
          + fallbackName
          + ")";
    }
    return now.map(
            f -> "channel " + f.channelId() + " (named " + NAME + ", guild " + f.guildId() + ")")
        .orElse(fallbackName + " (no channel named " + NAME + " was found)");
  }

  @Override
  public void follow(long rootId) {
    Optional<Found> now = found;
    if (now == null && !fallbackPosts) {
      firstLookup.thenRunAsync(() -> follow(rootId), work);
      return;
    }
    if (now != null && now.isPresent()) {
      into.follow(rootId, now.get().guildId(), now.get().channelId());
    } else {
      fallback.follow(rootId);
    }
  }
}
