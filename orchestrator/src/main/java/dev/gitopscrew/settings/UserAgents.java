package dev.gitopscrew.settings;

/**
 * The {@code User-Agent} the crew's own HTTP requests carry. Discord requires {@code DiscordBot
 * ($url, $versionNumber)} on every request to its API (webhooks included) and may block clients
 * that send anything else; JDA sets its own on the requests it makes.
 */
public final class UserAgents {

  public static final String URL = "https://gitops-crew.local";
  public static final String VERSION = "0.1.0";

  /** For every request to Discord the crew makes itself: gateway lookup, webhooks, the doctor. */
  public static final String DISCORD = "DiscordBot (" + URL + ", " + VERSION + ")";

  private UserAgents() {}
}
