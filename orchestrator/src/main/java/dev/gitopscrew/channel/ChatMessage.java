package dev.gitopscrew.channel;

/**
 * A message as a chat channel delivers it, before any policy looked at it.
 *
 * @param guildId the guild (server) it was posted in; null for a direct message
 * @param mentionsBot whether the message mentions the bot (a reply to the bot counts)
 */
public record ChatMessage(
    String messageId,
    String guildId,
    String channelId,
    String authorId,
    String authorName,
    boolean fromBot,
    boolean mentionsBot,
    String text) {

  public boolean direct() {
    return guildId == null;
  }
}
