package dev.gitopscrew.channel;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.work.Origin;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Takes a chat message (or a slash command, as the text it stands for) in: the channel policy
 * first, then the request is stored before anything acknowledges it, parsed once by the request
 * parser {@code crew ask} uses, and started as a homelab-admin session; its reply is delivered when
 * it finishes, or after a reconnect if the channel was down then.
 */
public final class AcceptChatRequest {

  private static final Logger LOG = Logger.getLogger(AcceptChatRequest.class);

  /** What became of a message. */
  public sealed interface Accepted {
    /** Outside policy or a repeat of a stored message: nothing runs. */
    record Ignored(String reason) implements Accepted {}

    /** Stored and started (or answered at once when it was not a valid request). */
    record Taken(long chatRequestId, RequestOutcome outcome) implements Accepted {}
  }

  private final String channel;
  private final ChannelPolicy policy;
  private final ChatRequests requests;
  private final RunRequest runRequest;
  private final DeliverChatReplies deliver;
  private final ExecutorService waiters;
  private final java.util.Set<Long> starting = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public AcceptChatRequest(
      String channel,
      ChannelPolicy policy,
      ChatRequests requests,
      RunRequest runRequest,
      DeliverChatReplies deliver,
      ExecutorService waiters) {
    this.channel = channel;
    this.policy = policy;
    this.requests = requests;
    this.runRequest = runRequest;
    this.deliver = deliver;
    this.waiters = waiters;
  }

  public Accepted accept(ChatMessage message) throws InterruptedException {
    return accept(message, null);
  }

  /**
   * A slash command's typed options for request kind {@code kind}: the same policy as a message,
   * then the request is made from the options directly (no words in between), stored as it was
   * asked and started like a message's.
   */
  public Accepted acceptTyped(ChatMessage message, String kind, Map<String, Object> options)
      throws InterruptedException {
    Request request;
    try {
      request = runRequest.catalogue().typed(kind, options, Door.SLASH, Map.of());
    } catch (BadRequestException e) {
      if (policy.admit(message) instanceof Admission.Ignored ignored) {
        return new Accepted.Ignored(ignored.reason());
      }
      return new Accepted.Ignored("not a valid request: " + e.getMessage());
    }
    return accept(message, request);
  }

  /** The request catalogue the channel's requests are read through. */
  public RequestCatalogue catalogue() {
    return runRequest.catalogue();
  }

  private Accepted accept(ChatMessage message, Request typed) throws InterruptedException {
    Admission admission = policy.admit(message);
    if (admission instanceof Admission.Ignored ignored) {
      LOG.debugf("%s message %s ignored: %s", channel, message.messageId(), ignored.reason());
      return new Accepted.Ignored(ignored.reason());
    }
    Optional<ChatRequests.Entry> stored =
        requests.receive(
            channel,
            message.messageId(),
            message.guildId(),
            message.channelId(),
            message.authorId(),
            typed == null ? message.text() : typed.describe(),
            typed == null ? null : RequestJson.write(typed));
    if (stored.isEmpty()) {
      return new Accepted.Ignored("message " + message.messageId() + " was taken in already");
    }
    return start(stored.get(), (Admission.Admitted) admission);
  }

  /**
   * Follows a request started elsewhere (an incident) into {@code channelId}: stored like a chat
   * request, so its approval and its result are delivered there, durably.
   */
  public void follow(long rootId, String guildId, String channelId, String requester) {
    requests
        .receive(channel, "request-" + rootId, guildId, channelId, requester, "(incident response)")
        .ifPresent(
            entry -> {
              requests.running(entry.id(), rootId);
              awaitAndDeliver(rootId);
            });
  }

  /** The newest stored request's id (0 when none): what {@link #resumeStored} may take up. */
  public long newestStored() {
    return requests.newestId(channel);
  }

  /**
   * After a start or a reconnect: starts what a stop left stored but not started, and waits again
   * for what was running, so every accepted request gets its reply. Only requests up to {@code
   * storedUpTo}: a newer one is a message of this connection, which starts itself.
   */
  public void resumeStored(long storedUpTo) throws InterruptedException {
    for (ChatRequests.Entry entry : requests.open(channel)) {
      if (entry.id() > storedUpTo) {
        continue;
      }
      if (entry.sessionId() != null) {
        if (entry.state().equals(ChatRequests.RUNNING)) {
          awaitAndDeliver(entry.sessionId());
        }
        continue;
      }
      Admission admission =
          entry.guildId() == null
              ? policy.admit(
                  new ChatMessage(
                      entry.sourceId(),
                      null,
                      entry.channelId(),
                      entry.requester(),
                      null,
                      false,
                      true,
                      entry.text()))
              : policy.admitCommand(entry.guildId(), entry.channelId(), entry.requester());
      if (admission instanceof Admission.Admitted admitted) {
        start(entry, admitted);
      } else {
        deliver.answerNow(
            entry, new RequestOutcome.Refused(((Admission.Ignored) admission).reason()));
      }
    }
  }

  /**
   * Starts a stored request (also one a stop left between storing and starting), once: the
   * message's own start and the start-up's {@link #resumeStored} may both reach a new request when
   * it arrives as the bot connects, and only the first to claim it runs it.
   */
  Accepted start(ChatRequests.Entry entry, Admission.Admitted admission)
      throws InterruptedException {
    if (!starting.add(entry.id())) {
      return new Accepted.Ignored("request " + entry.id() + " is being started already");
    }
    try {
      boolean unstarted =
          requests
              .bySource(channel, entry.sourceId())
              .filter(e -> e.sessionId() == null && e.state().equals(ChatRequests.RECEIVED))
              .isPresent();
      if (!unstarted) {
        return new Accepted.Ignored("request " + entry.id() + " was started already");
      }
      Origin origin = new Origin(channel, entry.requester());
      RequestOutcome outcome =
          entry.requestJson() != null
              ? runRequest.run(
                  RequestJson.read(entry.requestJson()),
                  Optional.empty(),
                  admission.scope(),
                  origin,
                  false)
              : runRequest.runText(
                  entry.text(),
                  Door.CHAT,
                  Map.of(),
                  // free text continues the conversation of its channel (or thread)
                  "discord:" + entry.channelId(),
                  Optional.empty(),
                  admission.scope(),
                  origin,
                  false,
                  false);
      if (outcome instanceof RequestOutcome.Ran ran) {
        requests.running(entry.id(), ran.rootId());
        awaitAndDeliver(ran.rootId());
      } else {
        deliver.answerNow(entry, outcome);
      }
      return new Accepted.Taken(entry.id(), outcome);
    } finally {
      starting.remove(entry.id());
    }
  }

  /** Waits in the background for the request to finish or park, then delivers what is due. */
  void awaitAndDeliver(long rootId) {
    waiters.execute(
        () -> {
          try {
            runRequest.awaitSettled(rootId);
            deliver.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.warnf(
                "reply to request #%d waits for the next delivery: %s", rootId, e.getMessage());
          }
        });
  }
}
