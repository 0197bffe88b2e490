package dev.gitopscrew.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.channel.webhook.PostWebhookNotification;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.schedule.Schedule;
import dev.gitopscrew.schedule.ScheduleTarget;
import dev.gitopscrew.settings.AlertsDestination;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GitSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crew doctor}'s look at the schedules: when each is next due, where its results go, a
 * repository its request names that the crew does not have (each run would fail on it), and a
 * target its results cannot reach (a channel of no configured guild, an unset webhook variable, an
 * issue of a repository the crew does not have).
 */
public final class ScheduleChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScheduleChecks() {}

  /** One line per configured schedule, as of {@code now}. */
  public static List<IntegrationCheck> of(CrewContext context, Instant now) {
    CrewConfig config = context.loaded().config();
    if (config.schedules().isEmpty()) {
      return List.of();
    }
    RequestCatalogue catalogue = RequestCatalogue.standard();
    AlertsDestination alerts = AlertsDestination.of(config, context.env());
    Set<String> repositories = GitSettings.repositoriesOrDemo(context).keySet();
    List<IntegrationCheck> out = new ArrayList<>();
    for (CrewConfig.ScheduleEntry entry : config.schedules()) {
      // the configuration loader has read each one; one it refused never gets here
      Schedule schedule =
          entry.spec().read(config.scheduleZone(), catalogue, config.schedulesPlanFreeText());
      List<String> problems = new ArrayList<>();
      List<String> fixes = new ArrayList<>();
      String where = where(schedule, config, context, alerts, repositories, problems, fixes);
      IntegrationCheck check =
          IntegrationCheck.configured(
              "schedule " + schedule.name(),
              schedule.request()
                  + "; next "
                  + schedule.nextAfter(now).map(Instant::toString).orElse("never")
                  + "; posts "
                  + schedule.post().word()
                  + " to "
                  + where);
      Optional<String> repository = repositoryOf(catalogue, schedule.request());
      if (repository.isPresent() && !repositories.contains(repository.get())) {
        problems.add(
            "its request names repository " + repository.get() + ", which is not configured");
        fixes.add(
            "add it under git.repositories (docs/forges.md), or name one of "
                + repositories
                + " (docs/schedules.md)");
      }
      if (!problems.isEmpty()) {
        check = check.probed(false, String.join("; ", problems), String.join("; ", fixes));
      }
      out.add(check);
    }
    return out;
  }

  /** Where a target posts, in words; what makes it post nowhere goes to {@code problems}. */
  private static String where(
      Schedule schedule,
      CrewConfig config,
      CrewContext context,
      AlertsDestination alerts,
      Set<String> repositories,
      List<String> problems,
      List<String> fixes) {
    ScheduleTarget target = schedule.target();
    if (target instanceof ScheduleTarget.Alerts) {
      return alerts.nowhere() ? "nowhere: no alerts destination is set" : alerts.where();
    }
    if (target instanceof ScheduleTarget.DiscordChannel channel) {
      var guilds = config.channels().discord().guilds();
      boolean listed =
          guilds.values().stream().anyMatch(g -> g.channels().containsKey(channel.channelId()));
      if (!listed) {
        problems.add("channel " + channel.channelId() + " is in no configured guild's channels");
        fixes.add(
            "list it under channels.discord.guilds.<guild id>.channels (docs/discord.md), or"
                + " name a channel listed there");
      }
      return target.describe() + " (through the bot)";
    }
    if (target instanceof ScheduleTarget.Webhook webhook) {
      if (!PostWebhookNotification.fromEnvironment(context.env()).containsKey(webhook.name())) {
        problems.add(webhook.variable() + " is not set");
        fixes.add("set " + webhook.variable() + " to the Discord webhook's URL");
      }
      return target.describe();
    }
    if (target instanceof ScheduleTarget.Issue issue) {
      if (!repositories.contains(issue.repository())) {
        problems.add(
            "its target names repository " + issue.repository() + ", which is not configured");
        fixes.add(
            "add it under git.repositories (docs/forges.md), or post to an issue of one of "
                + repositories);
      }
      return "the issue \"Schedule " + schedule.name() + "\" in repository " + issue.repository();
    }
    return target.describe();
  }

  /** The repository a request line names, when its kind takes one by name (not a directory). */
  private static Optional<String> repositoryOf(RequestCatalogue catalogue, String line) {
    try {
      String named =
          JSON.readTree(RequestJson.write(catalogue.parse(line, Door.SCHEDULE, false)))
              .path("repository")
              .asText("");
      return named.isEmpty() || named.contains("/") || named.startsWith(".")
          ? Optional.empty()
          : Optional.of(named);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
