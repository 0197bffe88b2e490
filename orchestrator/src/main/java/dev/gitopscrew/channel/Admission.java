package dev.gitopscrew.channel;

import dev.gitopscrew.permission.ChannelScope;

/** What the channel policy made of a message or a click: taken in with its scope, or ignored. */
public sealed interface Admission {

  /** What every door answers someone it does not admit, whatever the door. */
  static String notTaken(String reason) {
    return "Not taken: " + reason;
  }

  /**
   * @param scope the skills the place allows (the first link of the permission chain)
   * @param systemPrompt the place's prompt for a model; null when none is configured
   */
  record Admitted(ChannelScope scope, String systemPrompt) implements Admission {}

  /** Outside policy: logged at debug level, never executed. */
  record Ignored(String reason) implements Admission {}
}
