package dev.gitopscrew.channel;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.Approvals;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An approval button clicked in chat (or {@code /approve}): only users the channel's policy names
 * may decide; the decision goes through the same engine call as {@code crew approve}, so it can
 * happen once and a second click changes nothing; the parked request then runs (or ends) and its
 * result is delivered like any reply.
 */
public final class DecideByButton {

  private static final Logger LOG = Logger.getLogger(DecideByButton.class);

  /** What a click did. */
  public sealed interface Clicked {
    /** Not one of the crew's buttons. */
    record NotOurs() implements Clicked {}

    /** The user may not decide here, or there is no such approval: told only to them. */
    record Refused(String reason) implements Clicked {}

    /** Decided already (a second click): nothing changed. */
    record NoOp(String reason) implements Clicked {}

    /** Decided now: the message becomes {@code message}, without buttons. */
    record Decided(long sessionId, ChatReply message) implements Clicked {}
  }

  private final ChannelPolicy policy;
  private final RunRequest runRequest;
  private final Approvals approvals;
  private final ChatRequests requests;
  private final AcceptChatRequest accept;
  private final DeliverChatReplies deliver;

  public DecideByButton(
      ChannelPolicy policy,
      RunRequest runRequest,
      Approvals approvals,
      ChatRequests requests,
      AcceptChatRequest accept,
      DeliverChatReplies deliver) {
    this.policy = policy;
    this.runRequest = runRequest;
    this.approvals = approvals;
    this.requests = requests;
    this.accept = accept;
    this.deliver = deliver;
  }

  /** A click on the message {@code messageId}; the message is edited once decided. */
  public Clicked click(
      String customId,
      String guildId,
      String channelId,
      String messageId,
      String userId,
      String userName)
      throws InterruptedException {
    Optional<ApprovalButtons.Click> click = ApprovalButtons.parse(customId);
    if (click.isEmpty()) {
      return new Clicked.NotOurs();
    }
    return decide(
        click.get().approvalId(),
        click.get().approve(),
        guildId,
        channelId,
        Optional.of(messageId),
        userId,
        userName);
  }

  /**
   * A decision from a click or {@code /approve}; {@code messageId} is the approval message when
   * known (else the stored one is edited).
   */
  public Clicked decide(
      String approvalId,
      boolean approve,
      String guildId,
      String channelId,
      Optional<String> messageId,
      String userId,
      String userName)
      throws InterruptedException {
    // the same policy and user lists as a message first: whom the channel does not admit is
    // told so in the same words
    if (policy.admitCommand(guildId, channelId, userId) instanceof Admission.Ignored ignored) {
      return new Clicked.Refused(Admission.notTaken(ignored.reason()));
    }
    if (!policy.mayApprove(guildId, channelId, userId)) {
      LOG.infof(
          "approval %s: click by %s refused (not in the channel's users)", approvalId, userId);
      return new Clicked.Refused(
          "you may not approve or deny requests here: only the users listed for this channel"
              + " (channels.discord.guilds.<guild>.channels.<channel>.users) can");
    }
    Optional<Approval> approval = approvals.find(approvalId);
    if (approval.isEmpty()) {
      return new Clicked.Refused("no approval " + approvalId);
    }
    if (!approval.get().pending()) {
      return new Clicked.NoOp(already(approval.get()));
    }
    String by = "discord:" + userName;
    // due again before the decision, so a delivery racing the resumed request never mistakes
    // this decision for one made elsewhere
    Optional<ChatRequests.Entry> entry = requests.byApproval(approvalId);
    entry.ifPresent(e -> requests.resumed(e.id()));
    RequestOutcome outcome =
        runRequest.decide(approvalId, approve, by, approve ? null : "denied in Discord", false);
    if (outcome instanceof RequestOutcome.Refused refused) {
      return new Clicked.NoOp(refused.reason());
    }
    long session = approval.get().sessionId();
    ChatReply decided =
        RenderOutcome.decided(approval.get(), approve ? "Approved" : "Denied", userName);
    Optional<String> message = messageId.or(() -> entry.map(ChatRequests.Entry::approvalMessageId));
    String messageChannel = entry.map(ChatRequests.Entry::channelId).orElse(channelId);
    if (message.isPresent()) {
      try {
        deliver.editMessage(messageChannel, message.get(), decided, session, by);
      } catch (RuntimeException e) {
        LOG.infof(
            "approval %s decided; its message was not edited: %s", approvalId, e.getMessage());
      }
    }
    accept.awaitAndDeliver(session);
    return new Clicked.Decided(session, decided);
  }

  private static String already(Approval a) {
    return "approval "
        + a.id()
        + " was already "
        + a.state()
        + (a.decidedBy() == null ? "" : " by " + a.decidedBy());
  }
}
