package dev.gitopscrew.channel;

/**
 * Follows a request that no chat started (an incident opened by Argo CD or the health sweep) into
 * the alerts channel: its approval embed with buttons when it parks for a runbook step, its report
 * when it ends, coloured by the incident's severity.
 */
@FunctionalInterface
public interface FollowAlert {

  /** Posts the progress of request {@code rootId} to the alerts channel (or webhook). */
  void follow(long rootId);

  /** Nowhere to post alerts: neither the bot's alerts channel nor a webhook is configured. */
  FollowAlert NONE = rootId -> {};
}
