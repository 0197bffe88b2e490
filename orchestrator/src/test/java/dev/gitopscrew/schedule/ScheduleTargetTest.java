package dev.gitopscrew.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A schedule's {@code target} as the configuration writes it, read into where results go. */
class ScheduleTargetTest {

  private static Schedule read(String name, String target) {
    return new ScheduleSpec(name, null, null, "1h", "scan demo", target, null, null, null, null)
        .read(ZoneOffset.UTC, RequestCatalogue.standard(), false);
  }

  private static ScheduleTarget target(String target) {
    return read("nightly", target).target();
  }

  @Test
  void noTargetIsTheAlertsDestinationAndNoneIsNowhere() {
    assertThat(target(null)).isEqualTo(new ScheduleTarget.Alerts());
    assertThat(target(null).posts()).isTrue();
    assertThat(target("alerts").text()).isEqualTo("alerts");
    assertThat(target("none")).isEqualTo(new ScheduleTarget.None());
    assertThat(target("none").posts()).as("recorded, not posted").isFalse();
  }

  @Test
  void aDiscordChannelAWebhookAndAnIssueAreReadWithWhatTheyName() {
    assertThat(target("discord:1200000000000000001"))
        .isEqualTo(new ScheduleTarget.DiscordChannel("1200000000000000001"));
    ScheduleTarget webhook = target("webhook:Daily_Ops");
    assertThat(webhook).isEqualTo(new ScheduleTarget.Webhook("daily_ops"));
    assertThat(((ScheduleTarget.Webhook) webhook).variable())
        .isEqualTo("DISCORD_WEBHOOK_DAILY_OPS");
    assertThat(webhook.describe()).isEqualTo("the webhook DISCORD_WEBHOOK_DAILY_OPS");
    assertThat(target("issue:homelab")).isEqualTo(new ScheduleTarget.Issue("homelab"));
    assertThat(target("issue:homelab").text()).isEqualTo("issue:homelab");
  }

  @Test
  void anythingElseIsAnErrorOnTheTargetKeyNamingTheForms() {
    assertThatThrownBy(() -> target("slack"))
        .isInstanceOfSatisfying(
            ScheduleSpec.Invalid.class, e -> assertThat(e.key()).isEqualTo("target"))
        .hasMessage(
            "expected alerts, none, discord:<channel id>, webhook:<name> or issue:<repository>,"
                + " found \"slack\"");
    assertThatThrownBy(() -> target("discord:alerts"))
        .isInstanceOfSatisfying(
            ScheduleSpec.Invalid.class, e -> assertThat(e.key()).isEqualTo("target"))
        .hasMessageContaining("expected discord:<channel id> (the channel's numeric id)");
    assertThatThrownBy(() -> target("webhook:"))
        .isInstanceOfSatisfying(
            ScheduleSpec.Invalid.class, e -> assertThat(e.key()).isEqualTo("target"))
        .hasMessageContaining("expected webhook:<name>");
    assertThatThrownBy(() -> target("webhook:https://discord.com/api/webhooks/1/x"))
        .isInstanceOf(ScheduleSpec.Invalid.class)
        .hasMessageContaining("expected webhook:<name>");
    assertThatThrownBy(() -> target("issue:owner/homelab"))
        .isInstanceOfSatisfying(
            ScheduleSpec.Invalid.class, e -> assertThat(e.key()).isEqualTo("target"))
        .hasMessageContaining("expected issue:<repository> (a name under git.repositories)");
  }

  @Test
  void aScheduleNameTooLongToKeyItsIssueIsAnErrorOnTheName() {
    String name = "a-very-long-schedule-name-of-33ch";
    assertThat(name).hasSize(33);
    assertThat(read(name, "alerts").name()).isEqualTo(name);
    assertThatThrownBy(() -> read(name, "issue:demo"))
        .isInstanceOfSatisfying(
            ScheduleSpec.Invalid.class, e -> assertThat(e.key()).isEqualTo("name"))
        .hasMessageContaining("at most 32 characters (it keys the issue)");
    assertThat(read(name.substring(0, 32), "issue:demo").target())
        .isEqualTo(new ScheduleTarget.Issue("demo"));
  }
}
