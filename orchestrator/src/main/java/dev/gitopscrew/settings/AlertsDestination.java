package dev.gitopscrew.settings;

import dev.gitopscrew.config.CrewConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Where incident reports will go, from the configuration and the environment alone: {@code
 * channels.discord.alertsChannel} when the bot runs; else, with the bot, the channel named {@code
 * alerts} that {@code groupPolicy} allows in a configured guild (resolved when the bot connects);
 * else {@code DISCORD_WEBHOOK_ALERTS}; else nowhere. {@code crew config validate} and {@code crew
 * doctor} print it; the gateway routes by the same rules (see {@code ChatWiring}).
 *
 * @param where the destination, in words
 * @param nowhere true when no report can be posted at all
 * @param maybeNowhere true when it depends on a channel named alerts existing, and nothing is
 *     behind it
 */
public record AlertsDestination(String where, boolean nowhere, boolean maybeNowhere) {

  public static final String WEBHOOK_VARIABLE = "DISCORD_WEBHOOK_ALERTS";
  public static final String TOKEN_VARIABLE = "DISCORD_BOT_TOKEN";

  /** What to do so that reports land somewhere. */
  public static final String FIX =
      "set channels.discord.alertsChannel, create a channel named alerts in a configured guild,"
          + " or set "
          + WEBHOOK_VARIABLE
          + " (docs/discord.md#where-alerts-go)";

  public static AlertsDestination of(CrewConfig config, Map<String, String> env) {
    var discord = config.channels().discord();
    boolean bot = discord.isEnabled() && present(env, TOKEN_VARIABLE);
    boolean webhook =
        present(env, WEBHOOK_VARIABLE) && env.get(WEBHOOK_VARIABLE).startsWith("http");
    String hook = "the webhook " + WEBHOOK_VARIABLE;
    if (bot && discord.alertsChannel() != null) {
      return new AlertsDestination(
          "channel " + discord.alertsChannel() + " (channels.discord.alertsChannel)", false, false);
    }
    if (bot && !discord.groupPolicyOrDefault().equals("disabled") && !discord.guilds().isEmpty()) {
      return new AlertsDestination(
          "the channel named alerts, resolved when the bot connects; if there is none, "
              + (webhook ? hook : "nowhere"),
          false,
          !webhook);
    }
    Optional<String> unused =
        discord.alertsChannel() != null && !bot
            ? Optional.of(
                " (channels.discord.alertsChannel is not used without the bot: "
                    + (discord.isEnabled() ? TOKEN_VARIABLE + " is not set" : "enabled is false")
                    + ")")
            : Optional.empty();
    if (webhook) {
      return new AlertsDestination(hook + unused.orElse(""), false, false);
    }
    return new AlertsDestination(
        "nowhere: incident reports are not posted" + unused.orElse(""), true, false);
  }

  /** A warning for the CLI, when reports are (or may be) posted nowhere. */
  public Optional<String> warning() {
    if (nowhere) {
      return Optional.of("incident reports are posted NOWHERE: " + FIX);
    }
    if (maybeNowhere) {
      return Optional.of(
          "incident reports are posted nowhere unless a channel named alerts exists when the bot"
              + " connects: "
              + FIX);
    }
    return Optional.empty();
  }

  private static boolean present(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }
}
