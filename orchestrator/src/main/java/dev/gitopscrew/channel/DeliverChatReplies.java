package dev.gitopscrew.channel;

import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Posts every reply that is due: the result of a request that finished, or the approval embed of
 * one that parked. A reply is marked answered only once posted, so one that comes due while the
 * channel is disconnected goes out on the next run (the adapter runs this after every reconnect).
 * Every post is a {@code chat.post} through the side-effects door.
 */
public final class DeliverChatReplies {

  private static final String APPROVAL = "a";
  private static final String ANSWER = "r";

  private static final Logger LOG = Logger.getLogger(DeliverChatReplies.class);

  private final ChatChannel chat;
  private final ChatRequests requests;
  private final SessionEngine engine;
  private final AuditLog audit;
  private final Redactor redactor;
  private final Clock clock;
  private volatile java.util.function.LongFunction<Optional<String>> severityOf =
      id -> Optional.empty();

  public DeliverChatReplies(
      ChatChannel chat,
      ChatRequests requests,
      SessionEngine engine,
      AuditLog audit,
      Redactor redactor,
      Clock clock) {
    this.chat = chat;
    this.requests = requests;
    this.engine = engine;
    this.audit = audit;
    this.redactor = redactor;
    this.clock = clock;
  }

  /** How to find the severity of the incident a request responds to (alerts are coloured by it). */
  public void severities(java.util.function.LongFunction<Optional<String>> severityOf) {
    this.severityOf = severityOf;
  }

  /**
   * Delivers what is due; returns how many replies went out. Stops while the channel is
   * disconnected; a reply the platform refuses is skipped and tried again on the next run.
   */
  public synchronized int run() {
    int sent = 0;
    for (ChatRequests.Entry entry : requests.open(chat.name())) {
      if (entry.sessionId() == null) {
        continue; // stored, not started: the adapter's start-up starts it
      }
      Optional<SessionView> root = engine.find(entry.sessionId()).map(SessionView::of);
      if (root.isEmpty()) {
        continue;
      }
      try {
        if (deliver(entry, root.get())) {
          sent++;
        }
      } catch (ChatChannel.ChatUnavailableException e) {
        LOG.infof(
            "replies kept for after the reconnect: %s",
            redactor.redact(String.valueOf(e.getMessage())));
        break;
      } catch (RuntimeException e) {
        // this one reply failed (the platform refused it): the others still go, it is tried again
        LOG.warnf(
            "reply to request #%d kept for later: %s",
            entry.sessionId(), redactor.redact(String.valueOf(e.getMessage())));
      }
    }
    return sent;
  }

  private boolean deliver(ChatRequests.Entry entry, SessionView root) {
    long id = entry.sessionId();
    if (root.state().equals("awaiting_approval")) {
      Optional<Approval> approval = engine.approvals().ofSession(id);
      if (entry.state().equals(ChatRequests.PARKED)
          || approval.isEmpty()
          || !approval.get().pending()) {
        return false;
      }
      ChatReply reply =
          RenderOutcome.render(ran(id), approval.get(), severityOf.apply(id).orElse(null));
      String message = post(entry, reply, APPROVAL);
      requests.parked(entry.id(), approval.get().id(), message);
      return true;
    }
    if (!root.terminal()) {
      return false;
    }
    if (entry.state().equals(ChatRequests.PARKED) && entry.approvalMessageId() != null) {
      closeApproval(entry);
    }
    String message =
        post(entry, RenderOutcome.render(ran(id), null, severityOf.apply(id).orElse(null)), ANSWER);
    return requests.answered(entry.id(), message);
  }

  /** An approval decided elsewhere (CLI, API, timeout): the buttons go, the decision shows. */
  private void closeApproval(ChatRequests.Entry entry) {
    engine
        .approvals()
        .find(entry.approvalId())
        .filter(a -> !a.pending())
        .ifPresent(
            a -> {
              String decision =
                  switch (a.state()) {
                    case Approval.APPROVED -> "Approved";
                    case Approval.DENIED -> "Denied";
                    default -> "Expired";
                  };
              String by = a.decidedBy() == null ? "nobody in time" : a.decidedBy();
              effects(entry)
                  .perform(
                      EffectKind.CHAT_UPDATE,
                      chat.name() + " channel " + entry.channelId(),
                      () -> {
                        chat.edit(
                            entry.channelId(),
                            entry.approvalMessageId(),
                            RenderOutcome.decided(a, decision, by));
                        return entry.approvalMessageId();
                      },
                      m -> "message " + m);
            });
  }

  /** Replaces an approval message with the decision on it (a {@code chat.update}). */
  public void editMessage(
      String channelId, String messageId, ChatReply reply, long requestId, String requester) {
    new SideEffects(
            new Actor(requestId, requestId, KnownAgent.HOMELAB_ADMIN.id(), chat.name(), requester),
            false,
            audit,
            redactor,
            clock)
        .perform(
            EffectKind.CHAT_UPDATE,
            chat.name() + " channel " + channelId,
            () -> {
              chat.edit(channelId, messageId, reply);
              return messageId;
            },
            m -> "message " + m);
  }

  /** Answers a request that never started (not understood, or refused) at once. */
  public void answerNow(ChatRequests.Entry entry, RequestOutcome outcome) {
    try {
      String message = post(entry, RenderOutcome.render(outcome, null), ANSWER);
      requests.answered(entry.id(), message);
    } catch (RuntimeException e) {
      LOG.infof("answer to %s kept for later: %s", entry.sourceId(), e.getMessage());
    }
  }

  private String post(ChatRequests.Entry entry, ChatReply reply, String part) {
    long request = entry.sessionId() == null ? 0 : entry.sessionId();
    // one key per entry and part: a repeat after a crash is the same post (Discord allows 25 chars)
    String once = "crew" + entry.id() + "-" + part;
    return effects(entry)
        .perform(
            EffectKind.CHAT_POST,
            chat.name() + " channel " + entry.channelId(),
            () ->
                chat.post(
                    new ChatChannel.Target(entry.channelId(), entry.sourceId(), request, once),
                    reply),
            m -> "message " + m);
  }

  private SideEffects effects(ChatRequests.Entry entry) {
    long request = entry.sessionId() == null ? 0 : entry.sessionId();
    return new SideEffects(
        new Actor(request, request, KnownAgent.HOMELAB_ADMIN.id(), chat.name(), entry.requester()),
        false,
        audit,
        redactor,
        clock);
  }

  private RequestOutcome.Ran ran(long rootId) {
    List<SessionView> tree = SessionView.of(engine.tree(rootId));
    String owner = tree.size() > 1 ? tree.get(1).agent() : tree.get(0).agent();
    return new RequestOutcome.Ran(rootId, owner, tree);
  }
}
