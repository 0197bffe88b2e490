package dev.gitopscrew.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.config.CrewConfig.ChannelConfig;
import dev.gitopscrew.config.CrewConfig.DiscordSection;
import dev.gitopscrew.config.CrewConfig.GuildConfig;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel policy through the chat port: every combination of groupPolicy × mention × channel
 * (allowlisted, allowlisted without requireMention, not listed) × user (listed or not) × dmPolicy,
 * each message handed to {@link AcceptChatRequest} on a real crew. An admitted message is stored
 * and runs as a request whose reply is posted; an ignored one stores and posts nothing.
 */
@org.junit.jupiter.api.Tag("store")
class ChannelPolicyTest {

  static final String GUILD = "100000000000000001";
  static final String ALLOWED = "200000000000000001";
  static final String NO_MENTION = "200000000000000002";
  static final String UNLISTED = "200000000000000009";
  static final String ALICE = "300000000000000001";
  static final String MALLORY = "300000000000000009";

  @TempDir Path dir;
  private Crew crew;
  private ChatRequests requests;
  private RecordingChat chat;

  @BeforeEach
  void start() {
    Path state = dir.resolve("state");
    crew = Crew.open(CrewContext.load(Optional.empty(), Optional.of(state), TestStores.env(state)));
    requests = new ChatRequests(crew.store().dataSource(), Clock.systemUTC());
    chat = new RecordingChat();
  }

  @AfterEach
  void stop() {
    crew.close();
  }

  static DiscordSection discord(String groupPolicy, String dmPolicy) {
    GuildConfig guild =
        new GuildConfig(
            "homelab",
            null, // requireMention: default true
            List.of(ALICE),
            Map.of(
                ALLOWED,
                new ChannelConfig(true, null, null, "You run the homelab.", null, null),
                NO_MENTION,
                new ChannelConfig(null, true, false, null, List.of("incident-response"), null)));
    return new DiscordSection(
        true, groupPolicy, dmPolicy, Map.of(GUILD, guild), List.of(ALICE), null, null);
  }

  static boolean expectedGuild(String group, boolean mention, String channel, String user) {
    if (group.equals("disabled") || !user.equals(ALICE)) {
      return false;
    }
    if (group.equals("allowlist") && channel.equals(UNLISTED)) {
      return false;
    }
    return mention || channel.equals(NO_MENTION);
  }

  static boolean expectedDirect(String dm, String user) {
    return dm.equals("open")
        || ((dm.equals("allowlist") || dm.equals("pairing")) && user.equals(ALICE));
  }

  @Test
  void everyCombinationOfPoliciesMentionsChannelsAndUsersEndsAsExpected() throws Exception {
    ExecutorService waiters = Executors.newFixedThreadPool(4);
    List<String> mismatches = new ArrayList<>();
    int admitted = 0;
    int cases = 0;
    int n = 0;
    for (String group : List.of("open", "allowlist", "disabled")) {
      for (String dm : List.of("open", "allowlist", "pairing", "disabled")) {
        AcceptChatRequest accept = accept(discord(group, dm), waiters);
        for (boolean mention : List.of(true, false)) {
          for (String channel : List.of(ALLOWED, NO_MENTION, UNLISTED)) {
            for (String user : List.of(ALICE, MALLORY)) {
              String id = "m" + (++n);
              ChatMessage m =
                  new ChatMessage(id, GUILD, channel, user, user, false, mention, "kube get pods");
              boolean expected = expectedGuild(group, mention, channel, user);
              cases++;
              admitted += check(accept, m, expected, group, dm, mismatches);
            }
          }
        }
        for (String user : List.of(ALICE, MALLORY)) {
          String id = "m" + (++n);
          ChatMessage m =
              new ChatMessage(id, null, "dm-" + user, user, user, false, false, "kube get pods");
          cases++;
          admitted += check(accept, m, expectedDirect(dm, user), group, dm, mismatches);
        }
        // a bot's message is never taken, whatever the policy
        ChatMessage bot =
            new ChatMessage("b" + (++n), GUILD, ALLOWED, ALICE, "bot", true, true, "kube get pods");
        cases++;
        admitted += check(accept, bot, false, group, dm, mismatches);
      }
    }
    waiters.shutdown();
    assertThat(waiters.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    assertThat(mismatches).isEmpty();
    assertThat(cases).isEqualTo(3 * 4 * (2 * 3 * 2 + 2 + 1));
    // guild: open 4 + allowlist 3 per dmPolicy (4) = 28; DMs: open 2 + allowlist 1 + pairing 1 per
    // groupPolicy (3) = 12
    assertThat(admitted).isEqualTo(40);
    assertThat(requests.open("discord")).isEmpty();
    assertThat(chat.posts).hasSize(admitted);
    // the channel whose skills are [incident-response] leaves homelab-admin, which answers there,
    // no sessions.spawn: the cluster read devops-sre owns is refused before anything runs;
    // elsewhere the read runs and fails honestly for want of a cluster
    assertThat(chat.posts)
        .allSatisfy(
            p -> {
              if (p.target().channelId().equals(NO_MENTION)) {
                assertThat(p.reply().embed()).isNull();
                assertThat(p.reply().text())
                    .startsWith("Refused: discord channel " + NO_MENTION + " (guild homelab)")
                    .contains(
                        "does not allow the skill homelab-admin that grants sessions.spawn to"
                            + " homelab-admin, needed to hand work to devops-sre");
              } else {
                assertThat(p.reply().embed().title()).contains("failed: kube get pods");
                assertThat(p.reply().embed().description()).contains("Kubernetes: not configured");
              }
            });
  }

  private int check(
      AcceptChatRequest accept,
      ChatMessage m,
      boolean expected,
      String group,
      String dm,
      List<String> mismatches)
      throws InterruptedException {
    AcceptChatRequest.Accepted accepted = accept.accept(m);
    boolean taken = accepted instanceof AcceptChatRequest.Accepted.Taken;
    boolean stored = requests.bySource("discord", m.messageId()).isPresent();
    if (taken != expected || stored != expected) {
      mismatches.add(
          "groupPolicy "
              + group
              + ", dmPolicy "
              + dm
              + ", "
              + m
              + ": expected "
              + (expected ? "taken" : "ignored")
              + ", got "
              + accepted);
    }
    return taken ? 1 : 0;
  }

  @Test
  void aChannelsSkillsNarrowThePermissionChainAndOnlyListedUsersMayApprove() throws Exception {
    ChannelPolicy policy = new ChannelPolicy(discord("allowlist", "disabled"));
    Admission admission =
        policy.admit(
            new ChatMessage("x", GUILD, NO_MENTION, ALICE, "alice", false, false, "scan demo"));
    assertThat(admission).isInstanceOf(Admission.Admitted.class);
    assertThat(((Admission.Admitted) admission).scope().skills())
        .contains(List.of("incident-response"));
    assertThat(
            ((Admission.Admitted)
                    policy.admit(
                        new ChatMessage("y", GUILD, ALLOWED, ALICE, "alice", false, true, "x")))
                .systemPrompt())
        .isEqualTo("You run the homelab.");
    assertThat(policy.mayApprove(GUILD, ALLOWED, ALICE)).isTrue();
    assertThat(policy.mayApprove(GUILD, ALLOWED, MALLORY)).isFalse();
    assertThat(policy.mayApprove(null, "dm-" + ALICE, ALICE)).isFalse();
    assertThat(new ChannelPolicy(discord("disabled", "open")).mayApprove(GUILD, ALLOWED, ALICE))
        .isFalse();
  }

  @Test
  void aMessageDeliveredTwiceRunsOnceAndAReplyDueWhileDisconnectedIsSentAfterTheReconnect()
      throws Exception {
    ExecutorService waiters = Executors.newSingleThreadExecutor();
    AcceptChatRequest accept = accept(discord("open", "disabled"), waiters);
    chat.connected.set(false);
    ChatMessage m =
        new ChatMessage("m1", GUILD, ALLOWED, ALICE, "alice", false, true, "kube get pods");

    AcceptChatRequest.Accepted first = accept.accept(m);
    AcceptChatRequest.Accepted again = accept.accept(m);
    waiters.shutdown();
    assertThat(waiters.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    assertThat(first).isInstanceOf(AcceptChatRequest.Accepted.Taken.class);
    assertThat(again).isInstanceOf(AcceptChatRequest.Accepted.Ignored.class);
    assertThat(chat.posts).isEmpty();
    assertThat(requests.open("discord")).hasSize(1);
    long root =
        ((RequestOutcome.Ran) ((AcceptChatRequest.Accepted.Taken) first).outcome()).rootId();
    assertThat(crew.engine().find(root).orElseThrow().state()).isEqualTo("failed");

    chat.connected.set(true);
    int sent = deliver().run();

    assertThat(sent).isEqualTo(1);
    assertThat(chat.posts).hasSize(1);
    assertThat(chat.posts.get(0).target().replyTo()).isEqualTo("m1");
    assertThat(requests.open("discord")).isEmpty();
    assertThat(deliver().run()).isZero();
    assertThat(crew.audit().ofSessions(List.of(root)))
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo("chat.post");
              assertThat(r.outcome()).isEqualTo("failed");
            })
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo("chat.post");
              assertThat(r.outcome()).isEqualTo("ok");
              assertThat(r.channel()).isEqualTo("discord");
              assertThat(r.requester()).isEqualTo(ALICE);
            });
  }

  private DeliverChatReplies deliver;

  /** One delivery for the connection, as the crew wires it. */
  private DeliverChatReplies deliver() {
    if (deliver == null) {
      deliver =
          new DeliverChatReplies(
              chat, requests, crew.engine(), crew.audit(), Redactor.none(), Clock.systemUTC());
    }
    return deliver;
  }

  private AcceptChatRequest accept(DiscordSection discord, ExecutorService waiters) {
    return new AcceptChatRequest(
        "discord", new ChannelPolicy(discord), requests, crew.runRequest(), deliver(), waiters);
  }
}
