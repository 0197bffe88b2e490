package dev.gitopscrew.settings;

/**
 * The {@code User-Agent} the crew's own HTTP requests carry. Discord requires {@code DiscordBot
 * ($url, $versionNumber)} on every request to its API (webhooks included) and may block clients
 * that send anything else; JDA sets its own on the requests it makes.
 */
public final class UserAgents {

  /** The project's home, where the sources and the image come from. */
  public static final String URL = "https://github.com/gitops-crew/gitops-crew";

  /** The build's version ({@link CrewVersion}), as {@code crew --version} prints it. */
  public static final String VERSION = CrewVersion.current().orElse("development build");

  /** For every request to Discord the crew makes itself: gateway lookup, webhooks, the doctor. */
  public static final String DISCORD = "DiscordBot (" + URL + ", " + VERSION + ")";

  private UserAgents() {}
}
