package dev.gitopscrew.channel.discord;

import static dev.gitopscrew.channel.discord.DiscordDouble.ALERTS;
import static dev.gitopscrew.channel.discord.DiscordDouble.GENERAL;
import static dev.gitopscrew.channel.discord.DiscordDouble.GUILD;
import static dev.gitopscrew.channel.discord.DiscordDouble.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.assembly.ScheduleWiring;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import dev.gitopscrew.testing.DriftApplications;
import dev.gitopscrew.testing.MovingClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules posting through the bot (JDA connected to the Discord double): a {@code drift}
 * schedule's results in {@code channels.discord.alertsChannel}, and a {@code discord:<channel id>}
 * schedule's in that channel. The Applications are in Fabric8's CRUD mock; the schedules tick by a
 * clock the test moves, and posts are awaited as the double receives them.
 */
@EnableKubernetesMockClient(crud = true)
@org.junit.jupiter.api.Tag("store")
class DiscordSchedulesTest {

  static final String KUBE_TOKEN =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vY2sifQ.c2VydmljZWFjY291bnQ.c2lnbmF0dXJl";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  private DiscordDouble discord;
  private Crew crew;
  private Schedules schedules;
  private final MovingClock clock = new MovingClock("2026-12-07T10:00:30Z");
  private boolean ticked;

  @BeforeEach
  void open() throws Exception {
    discord = new DiscordDouble(DiscordAdapterTest.TOKEN, 1000);
    ClusterFixture.allowAccessReviews(server);
    DriftApplications.put(client, "guestbook", "Healthy", "");
    DriftApplications.put(client, "grafana", "Healthy", "");
    String config =
        """
        {"channels": {"discord": {
          "enabled": true,
          "groupPolicy": "allowlist",
          "apiBaseUrl": "%s",
          "alertsChannel": "%s",
          "guilds": {"%s": {"channels": {
            "%s": {"allow": true, "requireMention": false},
            "%s": {"allow": true, "requireMention": false}
          }}}
        }},
        "schedules": [
          {"name": "drift-watch", "every": "1m", "request": "drift", "post": "changed"},
          {"name": "general-drift", "every": "1h", "request": "drift",
           "target": "discord:%s"},
          {"name": "random-drift", "every": "1h", "request": "drift",
           "target": "discord:%s"}
        ]}
        """
            .formatted(discord.apiBaseUrl(), ALERTS, GUILD, GENERAL, ALERTS, GENERAL, RANDOM);
    Path file = Files.writeString(dir.resolve("crew.json"), config);
    Path state = dir.resolve("state");
    Map<String, String> env = new HashMap<>(TestStores.env(state));
    env.put("DISCORD_BOT_TOKEN", DiscordAdapterTest.TOKEN);
    env.put("KUBECONFIG", ClusterFixture.kubeconfig(dir, client, KUBE_TOKEN).toString());
    crew = Crew.open(CrewContext.load(Optional.of(file), Optional.of(state), env));
    crew.chat().connection().start();
    discord.await("slash commands registered", c -> c.method().equals("PUT"));
    schedules = ScheduleWiring.build(crew, clock);
  }

  @AfterEach
  void close() throws Exception {
    if (crew != null) {
      crew.close();
    }
    discord.close();
  }

  @Test
  void aDriftScheduleGoingDegradedPostsOnceInTheAlertsChannelThenNothingThenOnceOnRecovery()
      throws Exception {
    // a new schedule starts from the first tick that sees it; its first result is always posted
    assertThat(ticks(2)).singleElement().matches(ScheduleRun::posted);
    awaitInAlerts("all 2 applications Synced and Healthy");

    DriftApplications.put(client, "guestbook", "Degraded", "back-off restarting failed container");
    assertThat(ticks(1)).singleElement().matches(ScheduleRun::posted);
    awaitInAlerts("newly troubled: guestbook");

    assertThat(ticks(3)).hasSize(3).noneMatch(ScheduleRun::posted);

    DriftApplications.put(client, "guestbook", "Healthy", "");
    assertThat(ticks(1)).singleElement().matches(ScheduleRun::posted);
    awaitInAlerts("recovered: guestbook");

    assertThat(ticks(2)).hasSize(2).noneMatch(ScheduleRun::posted);
    crew.chat().finishPosts(Duration.ofSeconds(30));
    List<String> posted = messages(ALERTS);
    assertThat(posted).as("the first result, the degradation, the recovery").hasSize(3);
    assertThat(posted).filteredOn(m -> m.contains("newly troubled: guestbook")).hasSize(1);
    assertThat(posted.get(1)).contains("guestbook: Degraded, Synced");
    assertThat(posted).filteredOn(m -> m.contains("recovered: guestbook")).hasSize(1);
    assertThat(posted.get(2)).contains("all 2 applications Synced and Healthy");
    assertThat(messages(GENERAL)).isEmpty();
  }

  @Test
  void aDiscordChannelTargetPostsInThatChannelAndAChannelOfNoConfiguredGuildGetsNothing()
      throws Exception {
    assertThat(schedules.runNow("general-drift").orElseThrow().succeeded()).isTrue();
    discord.await(
        "the result in #general",
        c -> isMessage(c, GENERAL) && c.body().contains("all 2 applications Synced and Healthy"));

    // #random is in the guild the double serves, but not under channels.discord.guilds
    assertThat(schedules.runNow("random-drift").orElseThrow().succeeded()).isTrue();
    crew.chat().finishPosts(Duration.ofSeconds(30));

    assertThat(messages(GENERAL)).hasSize(1);
    assertThat(messages(RANDOM)).isEmpty();
    assertThat(messages(ALERTS)).as("nothing in the alerts channel").isEmpty();
  }

  /** {@code n} ticks a minute apart (the first at the current instant when nothing ran yet). */
  private List<ScheduleRun> ticks(int n) throws InterruptedException {
    List<ScheduleRun> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (ticked) {
        clock.advance(Duration.ofMinutes(1));
      }
      ticked = true;
      made.addAll(schedules.runDue());
    }
    return made.stream().filter(r -> r.schedule().equals("drift-watch")).toList();
  }

  private void awaitInAlerts(String text) throws InterruptedException {
    discord.await(
        "\"" + text + "\" in #alerts", c -> isMessage(c, ALERTS) && c.body().contains(text));
  }

  /** The bodies of the bot's messages created in {@code channel}, oldest first. */
  private List<String> messages(String channel) {
    return discord.calls.stream().filter(c -> isMessage(c, channel)).map(c -> c.body()).toList();
  }

  private static boolean isMessage(DiscordDouble.Call c, String channel) {
    return c.method().equals("POST") && c.path().equals("/channels/" + channel + "/messages");
  }
}
