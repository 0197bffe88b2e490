package dev.gitopscrew.channel;

import dev.gitopscrew.config.CrewConfig.ChannelConfig;
import dev.gitopscrew.config.CrewConfig.DiscordSection;
import dev.gitopscrew.config.CrewConfig.GuildConfig;
import dev.gitopscrew.permission.ChannelOwners;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.PermissionChain;
import java.util.List;
import java.util.Optional;

/**
 * Who may talk to the crew where, with OpenClaw's keys: {@code groupPolicy} (open | allowlist |
 * disabled) for guild channels, {@code dmPolicy} (open | allowlist | pairing | disabled) with
 * {@code allowFrom} for direct messages, guild and channel allowlists ({@code allow}/{@code
 * enabled}), {@code requireMention} (channel over guild, default true) and {@code users} (channel
 * over guild). A channel's {@code skills} narrow the permission chain (the answering agent; every
 * agent with {@code scopeDelegates}). A channel that belongs to an agent the crew does not run
 * ({@link ChannelOwners}: a tutor's channel) is left alone: ignored, never answered.
 */
public final class ChannelPolicy {

  private final DiscordSection discord;
  private final ChannelOwners owners;

  /** Every configured channel is the crew's (no channel is left to another agent). */
  public ChannelPolicy(DiscordSection discord) {
    this(discord, ChannelOwners.none());
  }

  public ChannelPolicy(DiscordSection discord, ChannelOwners owners) {
    this.discord = discord;
    this.owners = owners;
  }

  public Admission admit(ChatMessage m) {
    if (m.fromBot()) {
      return new Admission.Ignored("a bot's message");
    }
    return m.direct() ? admitDirect(m.authorId()) : admitGuild(m);
  }

  private Admission admitDirect(String author) {
    String policy = discord.dmPolicyOrDefault();
    switch (policy) {
      case "open":
        break;
      case "allowlist", "pairing":
        if (!discord.allowFrom().contains(author)) {
          return new Admission.Ignored(
              "direct message from " + author + ", who is not in channels.discord.allowFrom");
        }
        break;
      default:
        return new Admission.Ignored("direct messages are disabled (dmPolicy " + policy + ")");
    }
    return new Admission.Admitted(ChannelScope.unrestricted("discord direct message"), null);
  }

  private Admission admitGuild(ChatMessage m) {
    Optional<Place> found = place(m.guildId(), m.channelId());
    if (found.isEmpty()) {
      return new Admission.Ignored(
          "channel "
              + m.channelId()
              + " of guild "
              + m.guildId()
              + " is outside groupPolicy "
              + discord.groupPolicyOrDefault());
    }
    Place place = found.get();
    Optional<ChannelOwners.LeftAlone> other = owners.leftAlone(m.channelId());
    if (other.isPresent()) {
      return new Admission.Ignored(
          "channel "
              + m.channelId()
              + " of guild "
              + m.guildId()
              + " is left to another agent: "
              + other.get().reason());
    }
    Optional<List<String>> users = place.users();
    if (users.isPresent() && !users.get().contains(m.authorId())) {
      return new Admission.Ignored(
          "user " + m.authorId() + " is not in the users of channel " + m.channelId());
    }
    if (place.requireMention() && !m.mentionsBot()) {
      return new Admission.Ignored(
          "channel " + m.channelId() + " requires a mention of the bot (requireMention)");
    }
    return new Admission.Admitted(place.scope(), place.channel().systemPrompt());
  }

  /**
   * Whether {@code userId} may approve or deny a parked request from this channel: only users the
   * channel (or its guild) names in {@code users}; with no list nobody approves from chat.
   */
  public boolean mayApprove(String guildId, String channelId, String userId) {
    if (guildId == null) {
      return false;
    }
    return place(guildId, channelId)
        .flatMap(Place::users)
        .map(list -> list.contains(userId))
        .orElse(false);
  }

  /** The scope of a guild channel the policy allows, for slash commands and buttons. */
  public Admission admitCommand(String guildId, String channelId, String userId) {
    return admit(new ChatMessage(null, guildId, channelId, userId, userId, false, true, ""));
  }

  /** A guild channel the policy lets in, with its configuration (empty when not configured). */
  private Optional<Place> place(String guildId, String channelId) {
    if (!allows(discord, guildId, channelId)) {
      return Optional.empty();
    }
    GuildConfig guild = discord.guilds().get(guildId);
    ChannelConfig channel = guild == null ? null : guild.channels().get(channelId);
    ChannelConfig effective =
        channel != null ? channel : new ChannelConfig(null, null, null, null, null, null);
    return Optional.of(new Place(guildId, channelId, guild, effective));
  }

  /**
   * Whether {@code groupPolicy} and the guild and channel allowlists let the crew work in this
   * channel (who may talk there, {@code users} and {@code requireMention}, is not asked here).
   */
  public static boolean allows(DiscordSection discord, String guildId, String channelId) {
    String policy = discord.groupPolicyOrDefault();
    if (policy.equals("disabled")) {
      return false;
    }
    GuildConfig guild = discord.guilds().get(guildId);
    ChannelConfig channel = guild == null ? null : guild.channels().get(channelId);
    if (channel != null && !channel.allowed()) {
      return false;
    }
    if (policy.equals("allowlist")) {
      return guild != null && (channel != null || guild.channels().isEmpty());
    }
    return true;
  }

  private record Place(String guildId, String channelId, GuildConfig guild, ChannelConfig channel) {

    Optional<List<String>> users() {
      if (channel.users() != null) {
        return Optional.of(channel.users());
      }
      return guild == null ? Optional.empty() : Optional.ofNullable(guild.users());
    }

    boolean requireMention() {
      if (channel.requireMention() != null) {
        return channel.requireMention();
      }
      return guild == null || guild.requireMention() == null || guild.requireMention();
    }

    ChannelScope scope() {
      String slug = guild == null || guild.slug() == null ? guildId : guild.slug();
      return new ChannelScope(
          "discord channel " + channelId + " (guild " + slug + ")",
          Optional.ofNullable(channel.skills()),
          Optional.ofNullable(channel.systemPrompt()),
          PermissionChain.scopesDelegates(guild, channel));
    }
  }
}
