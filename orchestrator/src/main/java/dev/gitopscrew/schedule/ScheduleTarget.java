package dev.gitopscrew.schedule;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a schedule's result goes (its {@code target}): the alerts destination, a Discord channel of
 * a configured guild, a Discord webhook of the environment, an issue of a repository kept current,
 * or nowhere (the result is still recorded).
 */
public sealed interface ScheduleTarget {

  /** The target as the configuration writes it ({@code alerts}, {@code discord:123}…). */
  String text();

  /** Where the result goes, in words. */
  String describe();

  /** Whether a result is posted at all. */
  default boolean posts() {
    return true;
  }

  /** Where incident reports go (channels.discord.alertsChannel, the webhook…). */
  record Alerts() implements ScheduleTarget {
    @Override
    public String text() {
      return "alerts";
    }

    @Override
    public String describe() {
      return "the alerts destination";
    }
  }

  /** Nowhere: the run is recorded, its result not posted. */
  record None() implements ScheduleTarget {
    @Override
    public String text() {
      return "none";
    }

    @Override
    public String describe() {
      return "nowhere (target: none)";
    }

    @Override
    public boolean posts() {
      return false;
    }
  }

  /** A channel of a guild listed under {@code channels.discord.guilds}, posted by the bot. */
  record DiscordChannel(String channelId) implements ScheduleTarget {
    @Override
    public String text() {
      return "discord:" + channelId;
    }

    @Override
    public String describe() {
      return "Discord channel " + channelId;
    }
  }

  /** The Discord webhook whose URL is in {@code DISCORD_WEBHOOK_<NAME>}. */
  record Webhook(String name) implements ScheduleTarget {
    @Override
    public String text() {
      return "webhook:" + name;
    }

    @Override
    public String describe() {
      return "the webhook " + variable();
    }

    /** The environment variable holding the webhook's URL (never the URL itself). */
    public String variable() {
      return "DISCORD_WEBHOOK_" + name.toUpperCase(Locale.ROOT);
    }
  }

  /** One issue per schedule in a configured repository, its body the latest posted result. */
  record Issue(String repository) implements ScheduleTarget {

    /** The longest schedule name whose issue key ({@code schedule-NAME}) a forge report takes. */
    public static final int LONGEST_NAME = 32;

    /** What finds the schedule's issue again from run to run. */
    public static String key(String schedule) {
      return "schedule-" + schedule;
    }

    @Override
    public String text() {
      return "issue:" + repository;
    }

    @Override
    public String describe() {
      return "an issue of repository " + repository;
    }
  }

  Pattern CHANNEL = Pattern.compile("\\d{1,20}");
  Pattern WEBHOOK = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
  Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  String FORMS = "alerts, none, discord:<channel id>, webhook:<name> or issue:<repository>";

  /**
   * The target {@code text} names; null is {@code alerts}.
   *
   * @throws IllegalArgumentException naming the forms a target takes
   */
  static ScheduleTarget parse(String text) {
    if (text == null || text.equals("alerts")) {
      return new Alerts();
    }
    if (text.equals("none")) {
      return new None();
    }
    int colon = text.indexOf(':');
    String kind = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    switch (kind) {
      case "discord" -> {
        if (CHANNEL.matcher(value).matches()) {
          return new DiscordChannel(value);
        }
        throw new IllegalArgumentException(
            "expected discord:<channel id> (the channel's numeric id), found \"" + text + "\"");
      }
      case "webhook" -> {
        String name = value.toLowerCase(Locale.ROOT);
        if (WEBHOOK.matcher(name).matches()) {
          return new Webhook(name);
        }
        throw new IllegalArgumentException(
            "expected webhook:<name> (letters, digits and _, the NAME of DISCORD_WEBHOOK_NAME),"
                + " found \""
                + text
                + "\"");
      }
      case "issue" -> {
        if (REPOSITORY.matcher(value).matches()) {
          return new Issue(value);
        }
        throw new IllegalArgumentException(
            "expected issue:<repository> (a name under git.repositories), found \"" + text + "\"");
      }
      default ->
          throw new IllegalArgumentException("expected " + FORMS + ", found \"" + text + "\"");
    }
  }
}
