package dev.gitopscrew.assembly;

import dev.gitopscrew.channel.FollowAlert;
import dev.gitopscrew.schedule.Schedule;
import dev.gitopscrew.schedule.SchedulePost;
import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.ScheduleTarget;

/**
 * A run's result posted to its schedule's target: its session followed into the alerts destination,
 * a Discord channel or a webhook, as an incident's response is; or its summary kept in the
 * schedule's issue.
 */
final class PostScheduleResult implements SchedulePost {

  private static final System.Logger LOG = System.getLogger(PostScheduleResult.class.getName());

  private final ChatWiring chat;
  private final PostScheduleIssue issues;

  PostScheduleResult(ChatWiring chat, PostScheduleIssue issues) {
    this.chat = chat;
    this.issues = issues;
  }

  @Override
  public void post(Schedule schedule, ScheduleRun run) {
    ScheduleTarget target = schedule.target();
    if (target instanceof ScheduleTarget.Issue issue) {
      issues.post(schedule, issue, run);
      return;
    }
    FollowAlert follow;
    if (target instanceof ScheduleTarget.DiscordChannel channel) {
      follow = chat.followInto(channel.channelId(), schedule.name());
    } else if (target instanceof ScheduleTarget.Webhook webhook) {
      follow = chat.followByWebhook(webhook.name(), schedule.name());
    } else if (target instanceof ScheduleTarget.Alerts) {
      follow = chat.alerts();
    } else {
      return; // none: recorded, not posted
    }
    if (run.sessionId() != null) {
      follow.follow(run.sessionId());
    } else {
      LOG.log(
          System.Logger.Level.WARNING,
          "schedule {0}: {1}, nothing to post to {2} ({3})",
          schedule.name(),
          run.outcome(),
          target.describe(),
          run.summary());
    }
  }
}
