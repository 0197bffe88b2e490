package dev.gitopscrew.channel.webhook;

import dev.gitopscrew.channel.ChatReply;
import dev.gitopscrew.channel.FollowAlert;
import dev.gitopscrew.channel.RenderOutcome;
import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.LongFunction;
import org.jboss.logging.Logger;

/**
 * A request followed into a Discord webhook without the bot: once it settles (ends, or parks for an
 * approval) its report goes to the named webhook ({@code alerts}, {@code DISCORD_WEBHOOK_ALERTS},
 * for incident alerts; a schedule's {@code webhook:NAME}), coloured by severity. A webhook message
 * cannot carry working buttons, so an approval shows {@code crew approve ID} instead.
 */
public final class FollowAlertByWebhook implements FollowAlert {

  private static final Logger LOG = Logger.getLogger(FollowAlertByWebhook.class);

  private final String webhook;
  private final String requester;
  private final PostWebhookNotification webhooks;
  private final RunRequest runRequest;
  private final SessionEngine engine;
  private final LongFunction<Optional<String>> severityOf;
  private final ExecutorService work;
  private final AuditLog audit;
  private final Redactor redactor;

  /**
   * @param webhook the webhook's lower-case name ({@code alerts} is {@code DISCORD_WEBHOOK_ALERTS})
   * @param requester who the posts are for, in the audit ({@code argocd}, a schedule's name)
   */
  public FollowAlertByWebhook(
      String webhook,
      String requester,
      PostWebhookNotification webhooks,
      RunRequest runRequest,
      SessionEngine engine,
      LongFunction<Optional<String>> severityOf,
      ExecutorService work,
      AuditLog audit,
      Redactor redactor) {
    this.webhook = webhook;
    this.requester = requester;
    this.webhooks = webhooks;
    this.runRequest = runRequest;
    this.engine = engine;
    this.severityOf = severityOf;
    this.work = work;
    this.audit = audit;
    this.redactor = redactor;
  }

  @Override
  public void follow(long rootId) {
    work.execute(
        () -> {
          try {
            runRequest.awaitSettled(rootId);
            List<SessionView> tree = SessionView.of(engine.tree(rootId));
            String owner = tree.size() > 1 ? tree.get(1).agent() : tree.get(0).agent();
            ChatReply reply =
                RenderOutcome.render(
                    new RequestOutcome.Ran(rootId, owner, tree),
                    engine.approvals().ofSession(rootId).orElse(null),
                    severityOf.apply(rootId).orElse(null));
            ChatReply withoutButtons =
                new ChatReply(reply.text(), reply.embed(), List.of(), reply.attachment());
            webhooks.post(
                webhook,
                withoutButtons,
                new SideEffects(
                    new Actor(rootId, rootId, KnownAgent.HOMELAB_ADMIN.id(), "discord", requester),
                    false,
                    audit,
                    redactor,
                    Clock.systemUTC()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.warnf(
                "request #%d not posted to webhook %s: %s",
                rootId, webhook, redactor.redact(String.valueOf(e.getMessage())));
          }
        });
  }
}
