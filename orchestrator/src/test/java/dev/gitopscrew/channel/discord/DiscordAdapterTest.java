package dev.gitopscrew.channel.discord;

import static dev.gitopscrew.channel.discord.DiscordDouble.ALERTS;
import static dev.gitopscrew.channel.discord.DiscordDouble.APP_ID;
import static dev.gitopscrew.channel.discord.DiscordDouble.GENERAL;
import static dev.gitopscrew.channel.discord.DiscordDouble.GUILD;
import static dev.gitopscrew.channel.discord.DiscordDouble.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.channel.Admission;
import dev.gitopscrew.channel.ChannelPolicy;
import dev.gitopscrew.channel.ChatRequests;
import dev.gitopscrew.cli.CrewCli;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDA adapter against a Discord double on loopback: JDA itself finds the gateway through {@code
 * channels.discord.apiBaseUrl}, identifies, registers the slash commands, and the crew answers
 * messages, slash commands and approval buttons through it, durably across a dropped connection.
 */
@org.junit.jupiter.api.Tag("store")
class DiscordAdapterTest {

  // shaped like a real bot token: it must never show up in a log, record or message
  static final String TOKEN =
      "MTE4MDAwMDAwMDAwMDAwMDAwMQ.GhJk3L.q9Xw2VbNm4Tz7Yc1Ud8Re5Sf6Ag0Hp3Kj2Lm9";
  static final String ALICE = "1300000000000000002";
  static final String MALLORY = "1300000000000000009";

  @TempDir Path dir;
  private DiscordDouble discord;
  private Crew crew;
  private CrewContext context;

  @BeforeEach
  void start() throws Exception {
    discord = new DiscordDouble(TOKEN, 1000); // heartbeats flow during every test
    String config =
        """
        {"channels": {"discord": {
          "enabled": true,
          "groupPolicy": "allowlist",
          "dmPolicy": "disabled",
          "apiBaseUrl": "%s",
          "alertsChannel": "%s",
          "guilds": {"%s": {
            "slug": "homelab",
            "users": ["%s"],
            "channels": {
              "%s": {"allow": true, "requireMention": false},
              "%s": {"allow": true, "requireMention": false}
            }
          }}
        }}}
        """
            .formatted(discord.apiBaseUrl(), ALERTS, GUILD, ALICE, GENERAL, ALERTS);
    Path file = Files.writeString(dir.resolve("crew.json"), config);
    Path state = dir.resolve("state");
    Map<String, String> env = new HashMap<>(TestStores.env(state));
    env.put("DISCORD_BOT_TOKEN", TOKEN);
    context = CrewContext.load(Optional.of(file), Optional.of(state), env);
    crew = Crew.open(context);
    crew.chat().connection().start();
    discord.await("slash commands registered", c -> c.method().equals("PUT"));
  }

  @AfterEach
  void stop() throws Exception {
    crew.close();
    discord.close();
    // Discord requires DiscordBot ($url, $versionNumber) of every request: JDA's and the crew's own
    assertThat(discord.calls)
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(c.userAgent())
                    .as("the User-Agent of %s %s", c.method(), c.path())
                    .matches("DiscordBot \\(https?://[^,]+, [0-9][^)]*\\)"));
  }

  @Test
  void jdaConnectsThroughTheApiBaseUrlAndRegistersTheSlashCommandsInTheGuild() throws Exception {
    DiscordDouble.Call identify =
        discord.calls.stream()
            .filter(c -> c.path().equals("/gateway/bot"))
            .findFirst()
            .orElseThrow();
    assertThat(identify.authorization()).isEqualTo("Bot " + TOKEN);
    // the crew's own request names the project and the version crew --version prints
    StringWriter version = new StringWriter();
    CrewCli.run(
        new String[] {"--version"},
        Map.of(),
        new PrintWriter(version),
        new PrintWriter(Writer.nullWriter()));
    assertThat(identify.userAgent())
        .isEqualTo(
            "DiscordBot (https://github.com/gitops-crew/gitops-crew, "
                + version.toString().strip().substring("crew ".length())
                + ")");
    JsonNode frame = discord.awaitFrame("IDENTIFY", f -> f.path("op").asInt() == 2);
    assertThat(frame.path("d").path("intents").asInt() & (1 << 15))
        .as("the Message Content intent")
        .isNotZero();
    DiscordDouble.Call put = discord.await("registration", c -> c.method().equals("PUT"));
    assertThat(put.path()).isEqualTo("/applications/" + APP_ID + "/guilds/" + GUILD + "/commands");
    List<String> expected =
        new java.util.ArrayList<>(List.of("status", "sessions", "approve", "help", "crew"));
    RequestCatalogue.standard().offeredAt(Door.SLASH).forEach(k -> expected.add(k.id()));
    assertThat(
            StreamSupport.stream(put.json().spliterator(), false).map(c -> c.path("name").asText()))
        .containsExactlyInAnyOrderElementsOf(expected)
        .contains("restart", "scale", "edit", "change", "label", "release-plan")
        .doesNotContain("drill-fanout");
    // typed options: an integer is an integer (4), a flag a boolean (5), a choice has its choices
    JsonNode scale =
        StreamSupport.stream(put.json().spliterator(), false)
            .filter(c -> c.path("name").asText().equals("scale"))
            .findFirst()
            .orElseThrow();
    assertThat(scale.path("options").findValues("name").stream().map(JsonNode::asText))
        .containsExactly("workload", "replicas", "namespace", "dry-run");
    assertThat(scale.path("options").get(1).path("type").asInt()).isEqualTo(4);
    assertThat(scale.path("options").get(1).path("required").asBoolean()).isTrue();
    assertThat(scale.path("options").get(3).path("type").asInt()).isEqualTo(5);
    assertThat(crew.chat().connection().state().status()).isEqualTo("connected");
  }

  @Test
  void aMessageInGeneralIsAnsweredAndOneInAChannelOutsideTheAllowlistIgnored() throws Exception {
    JsonNode outside = discord.messageCreate(RANDOM, ALICE, "alice", "kube get pods", true);
    discord.dispatch("MESSAGE_CREATE", outside);
    JsonNode inside = discord.messageCreate(GENERAL, ALICE, "alice", "kube get pods", false);
    discord.dispatch("MESSAGE_CREATE", inside);

    DiscordDouble.Call reply =
        discord.await(
            "the reply in #general",
            c ->
                c.method().equals("POST") && c.path().equals("/channels/" + GENERAL + "/messages"));

    JsonNode body = reply.json();
    assertThat(body.path("embeds").get(0).path("title").asText()).contains("failed: kube get pods");
    assertThat(body.path("embeds").get(0).path("description").asText())
        .contains("Kubernetes: not configured");
    assertThat(body.path("message_reference").path("message_id").asText())
        .isEqualTo(inside.path("id").asText());
    assertThat(discord.calls).noneMatch(c -> c.path().contains(RANDOM));
    ChatRequests requests = new ChatRequests(crew.store().dataSource(), Clock.systemUTC());
    assertThat(requests.bySource("discord", outside.path("id").asText())).isEmpty();
    // marked answered once Discord took the reply
    discord.awaitCondition(
        "the request marked answered",
        () ->
            requests
                .bySource("discord", inside.path("id").asText())
                .filter(e -> e.state().equals(ChatRequests.ANSWERED))
                .orElse(null));
    assertThat(crew.audit().latest(20))
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo("chat.post");
              assertThat(r.channel()).isEqualTo("discord");
              assertThat(r.requester()).isEqualTo(ALICE);
            });
    assertThat(discord.calls).noneMatch(c -> c.body().contains(TOKEN));
  }

  @Test
  void aSlashCommandIsDeferredAtOnceThenAcknowledgedAndFollowedUpWithItsResult() throws Exception {
    JsonNode command =
        discord.slashCommand(GENERAL, ALICE, "alice", "kube", "verb", "get", "resource", "pods");
    discord.dispatch("INTERACTION_CREATE", command);
    String callback =
        "/interactions/"
            + command.path("id").asText()
            + "/"
            + command.path("token").asText()
            + "/callback";
    String webhook = "/webhooks/" + APP_ID + "/" + command.path("token").asText();

    DiscordDouble.Call deferred = discord.await("the deferral", c -> c.path().equals(callback));
    DiscordDouble.Call accepted =
        discord.await("the acknowledgement", c -> c.path().equals(webhook + "/messages/@original"));
    DiscordDouble.Call result =
        discord.await("the follow-up", c -> c.method().equals("POST") && c.path().equals(webhook));

    assertThat(deferred.json().path("type").asInt()).isEqualTo(5); // deferred channel message
    assertThat(accepted.json().path("content").asText())
        .startsWith("Accepted as request #")
        .contains("`kube get pods`");
    assertThat(result.json().path("embeds").get(0).path("title").asText())
        .contains("failed: kube get pods");
    assertThat(discord.calls.indexOf(deferred)).isLessThan(discord.calls.indexOf(accepted));
  }

  @Test
  void statusAndSessionsAreAnsweredByTheChannelItselfInTheDeferredReply() throws Exception {
    JsonNode asked = discord.messageCreate(GENERAL, ALICE, "alice", "kube get pods", false);
    discord.dispatch("MESSAGE_CREATE", asked);
    discord.await(
        "the reply to the first request",
        c -> c.method().equals("POST") && c.path().equals("/channels/" + GENERAL + "/messages"));

    JsonNode status = discord.slashCommand(GENERAL, ALICE, "alice", "status");
    discord.dispatch("INTERACTION_CREATE", status);
    DiscordDouble.Call statusAnswer =
        discord.await(
            "the /status answer",
            c -> c.path().equals(original(status)) && c.method().equals("PATCH"));
    assertThat(statusAnswer.json().path("content").asText())
        .contains("Discord: connected (as gitops-crew, 0 reconnects)")
        .contains("Approvals waiting: 0");

    JsonNode sessions = discord.slashCommand(GENERAL, ALICE, "alice", "sessions");
    discord.dispatch("INTERACTION_CREATE", sessions);
    DiscordDouble.Call sessionsAnswer =
        discord.await(
            "the /sessions answer",
            c -> c.path().equals(original(sessions)) && c.method().equals("PATCH"));
    assertThat(sessionsAnswer.json().path("content").asText())
        .containsPattern("#\\d+ homelab-admin \\[failed\\] kube get pods");
    // answered by the channel: no request was stored for either
    assertThat(crew.engine().list(false, 50)).filteredOn(r -> r.parentId() == null).hasSize(1);

    // a user the guild's users list leaves out is told so, as a message of theirs would be
    // ignored, and sees no session
    JsonNode excluded = discord.slashCommand(GENERAL, MALLORY, "mallory", "sessions");
    discord.dispatch("INTERACTION_CREATE", excluded);
    DiscordDouble.Call excludedAnswer =
        discord.await(
            "the excluded user's /sessions answer",
            c -> c.path().equals(original(excluded)) && c.method().equals("PATCH"));
    assertThat(excludedAnswer.json().path("content").asText())
        .startsWith("Not taken: ")
        .doesNotContain("kube get pods");
  }

  @Test
  void aScanSlashCommandRunsSecurityAnalystOnTheRepositoryAndFollowsUpWithTheFindings()
      throws Exception {
    JsonNode command =
        discord.slashCommand(
            GENERAL, ALICE, "alice", "scan", "repository", "demo", "path", "k8s/apps");
    discord.dispatch("INTERACTION_CREATE", command);
    String webhook = "/webhooks/" + APP_ID + "/" + command.path("token").asText();

    DiscordDouble.Call accepted =
        discord.await("the acknowledgement", c -> c.path().equals(original(command)));
    DiscordDouble.Call result =
        discord.await("the follow-up", c -> c.method().equals("POST") && c.path().equals(webhook));

    assertThat(accepted.json().path("content").asText())
        .startsWith("Accepted as request #")
        .contains("`scan demo under k8s/apps`");
    JsonNode embed = result.json().path("embeds").path(0);
    assertThat(embed.path("title").asText()).contains("succeeded: scan demo");
    assertThat(embed.path("description").asText()).contains("Scanned demo under k8s/apps at ");
  }

  @Test
  void aSlashOptionWithSpacesArrivesIntactAndANumberArrivesAsANumber() throws Exception {
    JsonNode change =
        discord.slashCommand(
            GENERAL,
            ALICE,
            "alice",
            "change",
            "repository",
            "demo",
            "title",
            "Run two whoami replicas",
            "files",
            "docs/replicas.md=Two whoami replicas keep the demo up during a rollout.",
            "type",
            "docs",
            "dry-run",
            true);
    discord.dispatch("INTERACTION_CREATE", change);
    DiscordDouble.Call accepted =
        discord.await("the acknowledgement", c -> c.path().equals(original(change)));
    assertThat(accepted.json().path("content").asText())
        .startsWith("Accepted as request #")
        .contains("change demo docs: Run two whoami replicas [docs/replicas.md] (dry run)");

    JsonNode scale =
        discord.slashCommand(
            GENERAL, ALICE, "alice", "scale", "workload", "deployment/web", "replicas", 2L);
    discord.dispatch("INTERACTION_CREATE", scale);
    DiscordDouble.Call scaled =
        discord.await("the acknowledgement", c -> c.path().equals(original(scale)));
    assertThat(scaled.json().path("content").asText()).contains("scale deployment/web to 2");

    JsonNode help = discord.slashCommand(GENERAL, ALICE, "alice", "crew", "request", "help");
    discord.dispatch("INTERACTION_CREATE", help);
    DiscordDouble.Call helped =
        discord.await("the /crew help answer", c -> c.path().equals(original(help)));
    assertThat(helped.json().path("content").asText())
        .contains("/restart — Rollout-restart a deployment or statefulset.")
        .contains("/label — Add a label to a pull request, or remove it.");
  }

  @Test
  void aSlashCommandFromAUserTheChannelDoesNotAdmitGetsTheRefusalAMessageGetsAndNothingRuns()
      throws Exception {
    String reason = "user " + MALLORY + " is not in the users of channel " + GENERAL;
    Admission admission =
        new ChannelPolicy(context.loaded().config().channels().discord())
            .admit(
                new dev.gitopscrew.channel.ChatMessage(
                    "1", GUILD, GENERAL, MALLORY, "mallory", false, true, "restart web"));
    assertThat(admission).isEqualTo(new Admission.Ignored(reason));
    for (JsonNode command :
        List.of(
            discord.slashCommand(GENERAL, MALLORY, "mallory", "restart", "workload", "web"),
            discord.slashCommand(GENERAL, MALLORY, "mallory", "crew", "request", "restart web"),
            discord.slashCommand(GENERAL, MALLORY, "mallory", "sessions"))) {
      discord.dispatch("INTERACTION_CREATE", command);
      DiscordDouble.Call answer =
          discord.await("the refusal", c -> c.path().equals(original(command)));
      assertThat(answer.json().path("content").asText()).isEqualTo("Not taken: " + reason);
    }
    assertThat(crew.engine().list(false, 50)).isEmpty();
  }

  private void awaitConnected(String what) throws InterruptedException {
    discord.awaitCondition(what, () -> crew.chat().connection().state().connected() ? true : null);
  }

  /** The second gateway frame with one of {@code ops} (the first is the start's IDENTIFY). */
  private void awaitSecondFrame(String what, Integer... ops) throws InterruptedException {
    List<Integer> wanted = List.of(ops);
    discord.awaitCondition(
        what,
        () ->
            discord.received.stream()
                .filter(f -> wanted.contains(f.path("op").asInt()))
                .skip(1)
                .findFirst()
                .orElse(null));
  }

  /** A message in #general gets its reply over the connection there is now. */
  private void aMessageIsAnswered(String what) throws Exception {
    JsonNode message = discord.messageCreate(GENERAL, ALICE, "alice", "kube get pods", false);
    discord.dispatch("MESSAGE_CREATE", message);
    discord.await(
        what, c -> c.method().equals("POST") && c.body().contains(message.path("id").asText()));
  }

  private static String original(JsonNode interaction) {
    return "/webhooks/" + APP_ID + "/" + interaction.path("token").asText() + "/messages/@original";
  }

  /** A change merged on the local demo forge, so that a release cut has something to cut. */
  private void somethingToRelease() throws Exception {
    ChannelScope cli = ChannelScope.unrestricted("the command line");
    Origin origin = new Origin("cli", "alice");
    RequestOutcome edit =
        crew.runRequest()
            .runText(
                "edit demo deployment/whoami image whoami=traefik/whoami:v1.10.4",
                Optional.empty(),
                cli,
                origin,
                true);
    assertThat(((RequestOutcome.Ran) edit).succeeded()).as(edit.toString()).isTrue();
    RequestOutcome merge =
        crew.runRequest().runText("merge demo 2", Optional.empty(), cli, origin, true, true);
    assertThat(((RequestOutcome.Ran) merge).succeeded()).as(merge.toString()).isTrue();
  }

  /** Asks for a release cut in #alerts and returns the approval message the crew posted. */
  private JsonNode approvalMessage() throws Exception {
    somethingToRelease();
    discord.dispatch(
        "MESSAGE_CREATE", discord.messageCreate(ALERTS, ALICE, "alice", "release cut demo", false));
    DiscordDouble.Call posted =
        discord.await(
            "the approval embed",
            c -> c.method().equals("POST") && c.path().equals("/channels/" + ALERTS + "/messages"));
    JsonNode message = posted.answer();
    assertThat(message.path("embeds").get(0).path("title").asText()).contains("waits for approval");
    return message;
  }

  private static List<String> customIds(JsonNode message) {
    return message.path("components").findValues("custom_id").stream()
        .map(JsonNode::asText)
        .toList();
  }

  @Test
  void onlyAnAllowedUsersClickApprovesTheParkedRequestWhichThenRunsAndASecondClickIsANoOp()
      throws Exception {
    JsonNode posted = approvalMessage();
    List<String> ids = customIds(posted);
    assertThat(ids).hasSize(2).allMatch(id -> id.matches("crew:(approve|deny):[a-z0-9]{8}"));
    String approve = ids.get(0);
    String approvalId = approve.substring("crew:approve:".length());
    JsonNode message = posted; // as Discord hands it back with a click
    String approvalMessageId = message.path("id").asText();

    JsonNode refusedClick = discord.buttonClick(message, MALLORY, "mallory", approve);
    discord.dispatch("INTERACTION_CREATE", refusedClick);
    DiscordDouble.Call refused =
        discord.await(
            "the refusal",
            c ->
                c.method().equals("POST")
                    && c.path()
                        .equals("/webhooks/" + APP_ID + "/" + refusedClick.path("token").asText()));
    // the same refusal, in the same words, as a message of theirs gets from the channel policy
    assertThat(refused.json().path("content").asText())
        .isEqualTo("Not taken: user " + MALLORY + " is not in the users of channel " + ALERTS);
    assertThat(refused.json().path("flags").asInt() & 64).as("ephemeral").isNotZero();
    assertThat(crew.engine().approvals().find(approvalId).orElseThrow().pending()).isTrue();

    discord.dispatch("INTERACTION_CREATE", discord.buttonClick(message, ALICE, "alice", approve));
    DiscordDouble.Call edited =
        discord.await(
            "the edited approval message",
            c ->
                c.method().equals("PATCH")
                    && c.path().equals("/channels/" + ALERTS + "/messages/" + approvalMessageId));
    assertThat(edited.json().path("embeds").get(0).path("title").asText())
        .startsWith("Approved by alice");
    assertThat(edited.json().path("components")).isEmpty();
    DiscordDouble.Call result =
        discord.await(
            "the release's result",
            c ->
                c.method().equals("POST")
                    && c.path().equals("/channels/" + ALERTS + "/messages")
                    && c.body().contains("succeeded"));
    assertThat(result.json().path("embeds").get(0).path("description").asText())
        .contains("release v0.1.0 of demo cut");
    assertThat(crew.engine().approvals().find(approvalId).orElseThrow().decidedBy())
        .isEqualTo("discord:alice");

    JsonNode again = discord.buttonClick(message, ALICE, "alice", approve);
    discord.dispatch("INTERACTION_CREATE", again);
    DiscordDouble.Call noOp =
        discord.await(
            "the second click's answer",
            c ->
                c.method().equals("POST")
                    && c.path().equals("/webhooks/" + APP_ID + "/" + again.path("token").asText()));
    assertThat(noOp.json().path("content").asText())
        .contains("was already approved by discord:alice");
    assertThat(
            discord.calls.stream()
                .filter(c -> c.method().equals("PATCH") && c.path().startsWith("/channels/")))
        .hasSize(1);
  }

  @Test
  void aConnectionDroppedMidRequestLosesNoReplyItIsSentAfterTheResume() throws Exception {
    JsonNode posted = approvalMessage();
    String approvalId = customIds(posted).get(0).substring("crew:approve:".length());
    long before =
        discord.calls.stream()
            .filter(c -> c.path().equals("/channels/" + ALERTS + "/messages"))
            .count();

    discord.holdConnections();
    discord.drop();
    discord.awaitCondition(
        "the crew to notice the drop",
        () -> crew.chat().connection().state().connected() ? null : Boolean.TRUE);
    // approved from the command line while Discord is away; the gateway keeps working
    RequestOutcome decided = crew.runRequest().decide(approvalId, true, "cli:alice", null, true);
    assertThat(((RequestOutcome.Ran) decided).succeeded()).as(decided.toString()).isTrue();
    assertThat(
            discord.calls.stream()
                .filter(c -> c.path().equals("/channels/" + ALERTS + "/messages"))
                .count())
        .isEqualTo(before);

    discord.releaseConnections();
    JsonNode resume = discord.awaitFrame("RESUME", f -> f.path("op").asInt() == 6);
    DiscordDouble.Call result =
        discord.await(
            "the reply after the resume",
            c ->
                c.method().equals("POST")
                    && c.path().equals("/channels/" + ALERTS + "/messages")
                    && c.body().contains("succeeded"));

    assertThat(resume.path("d").path("session_id").asText()).isNotEmpty();
    assertThat(result.json().path("embeds").get(0).path("description").asText())
        .contains("release v0.1.0 of demo cut");
    assertThat(discord.connections()).isEqualTo(2);
    assertThat(crew.chat().connection().state().reconnects()).isEqualTo(1);
  }

  @Test
  void aReplySentAgainAfterACrashLostItsRecordIsStillOneMessageInDiscord() throws Exception {
    JsonNode asked = discord.messageCreate(GENERAL, ALICE, "alice", "kube get pods", false);
    discord.dispatch("MESSAGE_CREATE", asked);
    DiscordDouble.Call first =
        discord.await(
            "the reply",
            c ->
                c.method().equals("POST") && c.path().equals("/channels/" + GENERAL + "/messages"));
    assertThat(first.json().path("enforce_nonce").asBoolean()).isTrue();
    String nonce = first.json().path("nonce").asText();
    assertThat(nonce).matches("crew\\d+-r").hasSizeLessThanOrEqualTo(25);

    discord.awaitCondition("the reply recorded", () -> replyRecorded(asked) ? true : null);
    // the crash: Discord took the reply, the store never recorded it as sent
    try (var c = crew.store().dataSource().getConnection();
        var undo =
            c.prepareStatement(
                "UPDATE chat_requests SET state = 'running', reply_message_id = NULL"
                    + " WHERE source_id = ?")) {
      undo.setString(1, asked.path("id").asText());
      assertThat(undo.executeUpdate()).isEqualTo(1);
    }
    discord.drop(); // the resume that follows delivers what is due
    DiscordDouble.Call again =
        discord.await(
            "the reply sent again",
            c ->
                c != first
                    && c.method().equals("POST")
                    && c.path().equals("/channels/" + GENERAL + "/messages"));

    assertThat(again.json().path("nonce").asText()).isEqualTo(nonce);
    assertThat(again.answer().path("id").asText())
        .as("Discord returned the first message instead of making a second")
        .isEqualTo(first.answer().path("id").asText());
    discord.awaitCondition("the reply recorded", () -> replyRecorded(asked) ? true : null);
  }

  private boolean replyRecorded(JsonNode asked) {
    try (var c = crew.store().dataSource().getConnection();
        var q =
            c.prepareStatement(
                "SELECT state FROM chat_requests WHERE source_id = ? AND reply_message_id IS NOT NULL")) {
      q.setString(1, asked.path("id").asText());
      try (var rs = q.executeQuery()) {
        return rs.next() && rs.getString(1).equals("answered");
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aConnectionWhoseHeartbeatsAreNoLongerAcknowledgedIsReplacedAndResumed() throws Exception {
    discord.awaitFrame("a heartbeat", f -> f.path("op").asInt() == 1);

    discord.ackHeartbeats(false);
    discord.awaitCondition("a second connection", () -> discord.connections() >= 2 ? true : null);
    discord.ackHeartbeats(true);
    // JDA resumes; now and then its reconnect is interrupted by the WebSocket library and JDA
    // stops, and the adapter identifies afresh (the next test): either way the bot is back
    awaitSecondFrame("a RESUME, or a fresh IDENTIFY", 6, 2);
    awaitConnected("the connection back");

    aMessageIsAnswered("a reply on the new connection");
  }

  @Test
  void aJdaThatStopsItsOwnConnectionIsReplacedByAFreshOne() throws Exception {
    awaitConnected("the first connection");

    // the shutdown JDA's reconnect runs when its thread is interrupted, called directly
    ((DiscordConnection) crew.chat().connection()).jda().shutdown();

    awaitSecondFrame("a fresh IDENTIFY", 2);
    awaitConnected("the connection back");
    assertThat(discord.connections()).isEqualTo(2);
    assertThat(crew.chat().connection().state().reconnects()).isEqualTo(1);
    assertThat(crew.chat().connection().state().detail()).startsWith("connected afresh as");

    aMessageIsAnswered("a reply on the fresh connection");
  }

  @Test
  void anIncidentResponseStartedByArgoCdIsFollowedIntoTheAlertsChannel() throws Exception {
    RequestOutcome.Ran ran =
        (RequestOutcome.Ran)
            crew.runRequest()
                .runText(
                    "kube get pods in monitoring",
                    Optional.empty(),
                    ChannelScope.unrestricted("argocd"),
                    new Origin("argocd", "argocd-notifications"),
                    false);

    crew.chat().alerts().follow(ran.rootId());

    DiscordDouble.Call alert =
        discord.await(
            "the alert in #alerts",
            c -> c.method().equals("POST") && c.path().equals("/channels/" + ALERTS + "/messages"));
    assertThat(alert.json().path("embeds").path(0).path("title").asText())
        .as(alert.body())
        .startsWith("#" + ran.rootId() + " failed");
  }
}
