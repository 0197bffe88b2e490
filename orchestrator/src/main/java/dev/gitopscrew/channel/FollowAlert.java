package dev.gitopscrew.channel;

import org.jboss.logging.Logger;

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

  /** Nowhere to post alerts, said in the log for every alert that is therefore not posted. */
  static FollowAlert nowhere(String why) {
    Logger log = Logger.getLogger(FollowAlert.class);
    return rootId ->
        log.warnf("the incident report of request #%d is posted nowhere: %s", rootId, why);
  }
}
