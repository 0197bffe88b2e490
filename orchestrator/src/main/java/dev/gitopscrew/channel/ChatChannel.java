package dev.gitopscrew.channel;

/**
 * The chat port: where the crew posts replies and alerts and edits what it posted. Adapters (JDA
 * for Discord) live behind it in their own packages; the domain never sees a library type.
 */
public interface ChatChannel {

  /** The channel's name as origins and audit records carry it ({@code discord}). */
  String name();

  ConnectionState state();

  /**
   * Posts {@code reply} to {@code target}; returns the new message's id. Throws {@link
   * ChatUnavailableException} while disconnected, so the caller keeps the reply for later.
   */
  String post(Target target, ChatReply reply);

  /** Replaces a message the crew posted. */
  void edit(String channelId, String messageId, ChatReply reply);

  /**
   * Where a reply goes: a channel, the message it answers (null when none), the request it belongs
   * to (the adapter may answer through the interaction that started it), and a key the same reply
   * always has, so a platform that honours one (Discord's enforced nonce) posts it once even when
   * it is sent again after a crash left the first post unrecorded (null for none).
   */
  record Target(String channelId, String replyTo, long requestId, String once) {}

  /** The channel cannot post now (disconnected, or the platform refused); the reply waits. */
  final class ChatUnavailableException extends RuntimeException {
    public ChatUnavailableException(String message) {
      super(message);
    }
  }
}
