package dev.gitopscrew.channel.discord;

import static dev.gitopscrew.channel.discord.DiscordDouble.ALERTS;
import static dev.gitopscrew.channel.discord.DiscordDouble.APP_ID;
import static dev.gitopscrew.channel.discord.DiscordDouble.GENERAL;
import static dev.gitopscrew.channel.discord.DiscordDouble.GUILD;
import static dev.gitopscrew.channel.discord.DiscordDouble.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.channel.ChatRequests;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenClaw homelab's Discord channels as its file writes them (issue 21), through JDA against
 * the Discord double and Fabric8's mock cluster: #general's skills are written for homelab-admin,
 * yet a restart it hands to devops-sre runs, as in OpenClaw; a channel that opts into {@code
 * scopeDelegates} narrows devops-sre too; a tutor's channel ({@code skills: [deutsch-tutor,
 * discord]}) is left alone: nothing is stored or posted for a message there, and a slash command
 * there is told why.
 */
@org.junit.jupiter.api.Tag("store")
@EnableKubernetesMockClient(crud = true)
class HomelabChannelsTest {

  static final String TOKEN =
      "MTE4MDAwMDAwMDAwMDAwMDAwMQ.GhJk3L.q9Xw2VbNm4Tz7Yc1Ud8Re5Sf6Ag0Hp3Kj2Lm9";
  static final String ALICE = "1300000000000000002";
  // the double's channels, as the homelab names them
  static final String DEUTSCH = RANDOM;
  static final String STRICT = ALERTS;

  KubernetesMockServer kubernetes;
  KubernetesClient client;
  @TempDir Path dir;
  private DiscordDouble discord;
  private Crew crew;

  @BeforeEach
  void start() throws Exception {
    discord = new DiscordDouble(TOKEN, 1000);
    ClusterFixture.allowAccessReviews(kubernetes);
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: grafana, namespace: monitoring, generation: 1}
        spec: {replicas: 1}
        status: {observedGeneration: 1, replicas: 1, readyReplicas: 1}
        """);
    String config =
        """
        {
          "agents": { "list": [
            { "id": "homelab-admin", "default": true,
              "skills": ["homelab-admin", "gitops", "secret-management", "incident-response", "weather"],
              "subagents": { "allowAgents": ["devops-sre", "software-engineer", "security-analyst", "qa-tester"] } },
            { "id": "devops-sre", "skills": ["devops-sre", "gitops", "secret-management", "incident-response"] },
            { "id": "deutsch-tutor", "skills": ["deutsch-tutor", "discord"] }
          ] },
          "channels": { "discord": {
            "enabled": true, "groupPolicy": "allowlist", "apiBaseUrl": "%s",
            "guilds": { "%s": { "slug": "holden-homelab", "users": ["%s"], "channels": {
              "%s": { "allow": true, "requireMention": false,
                      "systemPrompt": "#general: full homelab administration.",
                      "skills": ["homelab-admin", "gitops", "secret-management", "incident-response", "weather"] },
              "%s": { "allow": true, "requireMention": false, "scopeDelegates": true,
                      "skills": ["homelab-admin", "gitops", "secret-management", "incident-response", "weather"] },
              "%s": { "allow": true,
                      "systemPrompt": "#deutsch: German tutor. Explain grammar in Vietnamese with German examples.",
                      "skills": ["deutsch-tutor", "discord"] }
            } } }
          } }
        }
        """
            .formatted(discord.apiBaseUrl(), GUILD, ALICE, GENERAL, STRICT, DEUTSCH);
    Path file = Files.writeString(dir.resolve("openclaw.json"), config);
    Path state = dir.resolve("state");
    Map<String, String> env = new HashMap<>(TestStores.env(state));
    env.put("DISCORD_BOT_TOKEN", TOKEN);
    env.put("KUBECONFIG", ClusterFixture.kubeconfig(dir, client, "homelab-token").toString());
    CrewContext context = CrewContext.load(Optional.of(file), Optional.of(state), env);
    // the load notes the tutor channel, why, and the key that takes it over
    assertThat(context.problems())
        .anySatisfy(
            p ->
                assertThat(p.describe())
                    .contains("channels.discord.guilds." + GUILD + ".channels." + DEUTSCH)
                    .contains("left alone: its skills (deutsch-tutor, discord) name no GitOps Crew")
                    .contains("agent deutsch-tutor's")
                    .contains("crewAnswers: true"));
    crew = Crew.open(context);
    crew.chat().connection().start();
    discord.await("slash commands registered", c -> c.method().equals("PUT"));
  }

  @AfterEach
  void stop() throws Exception {
    crew.close();
    discord.close();
  }

  @Test
  void generalHandsTheRestartToDevopsSreAndTheTutorsChannelIsLeftAlone() throws Exception {
    JsonNode tutor = discord.messageCreate(DEUTSCH, ALICE, "alice", "giải thích Nebensatz", true);
    discord.dispatch("MESSAGE_CREATE", tutor);
    JsonNode restart =
        discord.messageCreate(
            GENERAL, ALICE, "alice", "restart deployment/grafana in monitoring", false);
    discord.dispatch("MESSAGE_CREATE", restart);

    DiscordDouble.Call reply =
        discord.await(
            "the reply in #general",
            c ->
                c.method().equals("POST") && c.path().equals("/channels/" + GENERAL + "/messages"));
    JsonNode embed = reply.json().path("embeds").path(0);
    assertThat(embed.path("title").asText())
        .contains("succeeded: restart deployment/grafana in monitoring");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("monitoring")
                .withName("grafana")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsKey("kubectl.kubernetes.io/restartedAt");

    // the tutor's channel: nothing stored, nothing posted, no red "no model answered" embed
    ChatRequests requests = new ChatRequests(crew.store().dataSource(), Clock.systemUTC());
    assertThat(requests.bySource("discord", tutor.path("id").asText())).isEmpty();
    assertThat(discord.calls).noneMatch(c -> c.path().contains("/channels/" + DEUTSCH));

    // a slash command there is told why, in the words the policy logs, and nothing runs
    JsonNode slash =
        discord.slashCommand(DEUTSCH, ALICE, "alice", "kube", "verb", "get", "resource", "pods");
    discord.dispatch("INTERACTION_CREATE", slash);
    DiscordDouble.Call answer =
        discord.await("the refusal in #deutsch", c -> c.path().equals(original(slash)));
    assertThat(answer.json().path("content").asText())
        .isEqualTo(
            "Not taken: channel "
                + DEUTSCH
                + " of guild "
                + GUILD
                + " is left to another agent: its skills (deutsch-tutor, discord) name no GitOps"
                + " Crew skill: they are agent deutsch-tutor's");
    assertThat(crew.engine().list(false, 50))
        .filteredOn(r -> r.parentId() == null)
        .hasSize(1); // the restart's only
  }

  @Test
  void aChannelThatOptsIntoScopeDelegatesNarrowsDevopsSreToo() throws Exception {
    JsonNode restart =
        discord.messageCreate(
            STRICT, ALICE, "alice", "restart deployment/grafana in monitoring", false);
    discord.dispatch("MESSAGE_CREATE", restart);
    DiscordDouble.Call reply =
        discord.await(
            "the refusal in the strict channel",
            c -> c.method().equals("POST") && c.path().equals("/channels/" + STRICT + "/messages"));
    assertThat(reply.json().path("content").asText())
        .contains(
            "discord channel "
                + STRICT
                + " (guild holden-homelab) does not allow the skill devops-sre that grants"
                + " cluster.restart to devops-sre");
    assertThat(crew.engine().list(false, 50)).isEmpty();
  }

  private static String original(JsonNode interaction) {
    return "/webhooks/" + APP_ID + "/" + interaction.path("token").asText() + "/messages/@original";
  }
}
