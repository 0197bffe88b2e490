package dev.gitopscrew.channel.pr;

import dev.gitopscrew.channel.Admission;
import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.AuditedForge;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Validate;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.store.JdbcPullRequestMerges;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pull requests as a channel: a push is validated by qa-tester (its comment and commit status), a
 * merge is recorded for the deployment that follows, and {@code /crew} comment commands from people
 * who may push become requests (through the request parser, run as sessions) or label and branch
 * chores; every answer is one pull request comment with the agent footer, written through the
 * {@link SideEffects} door.
 */
public final class PullRequestChannel {

  /** What became of one event: the delivery's state, the session it started, a note. */
  public record Handled(String state, Long sessionId, String note) {}

  /** The label {@code /crew hold} adds. */
  public static final String HOLD_LABEL = "do-not-merge/hold";

  private static final ChannelScope SCOPE = ChannelScope.unrestricted("pull-request");
  private static final int MAX_ANSWER = 60_000;

  private final RunRequest run;
  private final Map<String, RepositorySpec> repositories;
  private final Function<RepositorySpec, Forge> forges;
  private final Footprint footprint;
  private final WriteAccess access;
  private final JdbcPullRequestMerges merges;
  private final RefreshBranch refresh;
  private final AuditLog audit;
  private final Redactor redactor;
  private final Clock clock;

  public PullRequestChannel(
      RunRequest run,
      Map<String, RepositorySpec> repositories,
      Function<RepositorySpec, Forge> forges,
      Footprint footprint,
      WriteAccess access,
      JdbcPullRequestMerges merges,
      RefreshBranch refresh,
      AuditLog audit,
      Redactor redactor,
      Clock clock) {
    this.run = run;
    this.repositories = Map.copyOf(repositories);
    this.forges = forges;
    this.footprint = footprint;
    this.access = access;
    this.merges = merges;
    this.refresh = refresh;
    this.audit = audit;
    this.redactor = redactor;
    this.clock = clock;
  }

  public Handled handle(PullRequestEvent event) throws InterruptedException {
    RepositorySpec spec = repositories.get(event.repository());
    if (spec == null) {
      return new Handled(
          "skipped", null, "repository " + event.repository() + " is not configured");
    }
    if (event instanceof PullRequestEvent.Pushed p) {
      return validate(p);
    }
    if (event instanceof PullRequestEvent.Merged m) {
      return merged(m);
    }
    return commands(spec, (PullRequestEvent.Commented) event);
  }

  private Handled validate(PullRequestEvent.Pushed p) throws InterruptedException {
    RequestOutcome outcome =
        run.run(
            new Validate(p.repository(), null, null, p.number()),
            Optional.empty(),
            SCOPE,
            new Origin(p.forge(), p.sender()),
            true);
    return handled(outcome, p.describe());
  }

  private Handled merged(PullRequestEvent.Merged m) {
    boolean recorded =
        merges.record(m.forge(), m.repository(), m.number(), m.mergeCommit(), m.sender());
    return new Handled(
        recorded ? "processed" : "skipped",
        null,
        m.describe()
            + (recorded
                ? "; recorded, verified when Argo CD reports that revision deployed"
                : "; already recorded"));
  }

  private Handled commands(RepositorySpec spec, PullRequestEvent.Commented c)
      throws InterruptedException {
    List<CrewCommand> commands = CrewCommand.parse(c.body());
    if (commands.isEmpty()) {
      return new Handled("skipped", null, c.describe() + ": no /crew command");
    }
    Forge forge = forges.apply(spec);
    Origin origin = new Origin(c.forge(), c.sender());
    if (!access.allows(spec.name(), forge, c.sender())) {
      reply(
          forge,
          spec,
          c,
          null,
          KnownAgent.HOMELAB_ADMIN.id(),
          Admission.notTaken(
              c.sender()
                  + " may not run /crew commands in "
                  + spec.name()
                  + ": they are for people who may push to it (or whom"
                  + " channels.pullRequests.users lists), and the forge did not confirm that."
                  + " Nothing was done."));
      return new Handled("skipped", null, c.describe() + ": refused, no write access");
    }
    if (commands.size() > CrewCommand.MAX_PER_COMMENT) {
      reply(
          forge,
          spec,
          c,
          null,
          KnownAgent.HOMELAB_ADMIN.id(),
          "One comment may carry at most "
              + CrewCommand.MAX_PER_COMMENT
              + " `/crew` commands; this one has "
              + commands.size()
              + ". Nothing was done.");
      return new Handled("skipped", null, c.describe() + ": too many commands");
    }
    List<String> sections = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Long lastSession = null;
    String agent = KnownAgent.HOMELAB_ADMIN.id();
    boolean failed = false;
    for (CrewCommand command : commands) {
      Answer answer = answer(spec, forge, c, origin, command);
      sections.add("**`" + command.line() + "`**: " + answer.text());
      notes.add(
          (command.kind() == CrewCommand.Kind.REQUEST
                  ? command.words().split(" ")[0].toLowerCase(java.util.Locale.ROOT)
                  : command.kind().name().toLowerCase(java.util.Locale.ROOT))
              + " "
              + answer.note());
      if (answer.sessionId() != null) {
        lastSession = answer.sessionId();
        agent = answer.agent();
      }
      failed |= answer.failed();
    }
    reply(forge, spec, c, lastSession, agent, String.join("\n\n", sections));
    return new Handled(failed ? "failed" : "processed", lastSession, c.describe() + ": " + notes);
  }

  /** The answer to one command: its text, and the session it ran as. */
  private record Answer(String text, Long sessionId, String agent, boolean failed, String note) {
    static Answer done(String text, String note) {
      return new Answer(text, null, KnownAgent.HOMELAB_ADMIN.id(), false, note);
    }

    static Answer failed(String text, String note) {
      return new Answer(text, null, KnownAgent.HOMELAB_ADMIN.id(), true, note);
    }
  }

  private Answer answer(
      RepositorySpec spec,
      Forge forge,
      PullRequestEvent.Commented c,
      Origin origin,
      CrewCommand command)
      throws InterruptedException {
    return switch (command.kind()) {
      case HELP -> Answer.done("\n\n" + CrewCommand.helpText(run.catalogue()), "answered");
      case REQUEST -> session(command.words(), spec.name(), c.number(), origin);
      case HOLD -> label(spec, forge, c, true);
      case UNHOLD -> label(spec, forge, c, false);
      case REFRESH -> refresh(spec, c);
    };
  }

  /**
   * A command that is a request: read by the catalogue with this pull request's repository and
   * number filled in, run as a session, awaited.
   */
  private Answer session(String words, String repository, int number, Origin origin)
      throws InterruptedException {
    RequestOutcome outcome =
        run.runText(
            words,
            Door.PR_COMMENT,
            Map.of(Field.Context.REPOSITORY, repository, Field.Context.PULL_REQUEST, number),
            "pr:" + repository + "#" + number,
            Optional.empty(),
            SCOPE,
            origin,
            true,
            false);
    if (outcome instanceof RequestOutcome.Invalid invalid
        && invalid.reason().startsWith("unknown request")) {
      return Answer.done(
          "I do not know this command.\n\n" + CrewCommand.helpText(run.catalogue()), "unknown");
    }
    if (outcome instanceof RequestOutcome.Ran ran) {
      String detail = ran.root().detail() == null ? "" : ran.root().detail().strip();
      boolean ok = ran.succeeded();
      String text2 =
          ran.agent()
              + " "
              + (ok ? "answered" : ran.root().state().replace('_', ' '))
              + " (session "
              + ran.rootId()
              + ")"
              + (detail.isEmpty() ? "" : "\n\n```\n" + detail.replace("```", "'''") + "\n```");
      // the request ran: its own outcome (a failed validation) is the answer, not a fault
      return new Answer(text2, ran.rootId(), ran.agent(), false, ran.root().state());
    }
    String reason =
        outcome instanceof RequestOutcome.Refused r
            ? r.reason()
            : ((RequestOutcome.Invalid) outcome).reason();
    return Answer.failed("not run: " + reason, "not run: " + reason);
  }

  private Answer label(RepositorySpec spec, Forge forge, PullRequestEvent.Commented c, boolean on) {
    Forge audited =
        AuditedForge.wrap(forge, effects(c, 0L, KnownAgent.HOMELAB_ADMIN.id()), spec.name());
    try {
      if (on) {
        audited.addPullRequestLabel(c.number(), HOLD_LABEL);
        return Answer.done("labelled `" + HOLD_LABEL + "`; `/crew unhold` removes it.", "held");
      }
      audited.removePullRequestLabel(c.number(), HOLD_LABEL);
      return Answer.done("`" + HOLD_LABEL + "` removed.", "unheld");
    } catch (ForgeException | SideEffects.EffectFailedException e) {
      return Answer.failed("the label could not be changed: " + e.getMessage(), e.getMessage());
    }
  }

  private Answer refresh(RepositorySpec spec, PullRequestEvent.Commented c) {
    RefreshBranch.Result result =
        refresh.run(spec.name(), c.number(), effects(c, 0L, KnownAgent.HOMELAB_ADMIN.id()));
    return result.ok()
        ? Answer.done(result.text(), result.text())
        : Answer.failed(result.text(), result.text());
  }

  private void reply(
      Forge forge,
      RepositorySpec spec,
      PullRequestEvent.Commented c,
      Long sessionId,
      String agent,
      String text) {
    Forge audited =
        AuditedForge.wrap(
            forge, effects(c, sessionId == null ? 0L : sessionId, agent), spec.name());
    String body = text;
    if (body.length() > MAX_ANSWER) {
      // GitHub refuses comments over 65,536 characters; the session keeps the whole answer
      body =
          body.substring(0, MAX_ANSWER)
              + "\n```\n\n(cut here; `crew sessions show "
              + (sessionId == null ? "ID" : sessionId)
              + "` has the whole answer)";
    }
    audited.commentOnPullRequest(
        c.number(), footprint.withFooter("@" + c.sender() + " " + body, agent));
  }

  private SideEffects effects(PullRequestEvent.Commented c, long sessionId, String agent) {
    return new SideEffects(
        new Actor(sessionId, sessionId, agent, c.forge(), c.sender()),
        false,
        audit,
        redactor,
        clock);
  }

  private static Handled handled(RequestOutcome outcome, String what) {
    if (outcome instanceof RequestOutcome.Ran ran) {
      return new Handled(
          ran.succeeded() || ran.root().state().equals("failed") ? "processed" : "failed",
          ran.rootId(),
          what + ": " + ran.agent() + " " + ran.root().state());
    }
    String reason =
        outcome instanceof RequestOutcome.Refused r
            ? r.reason()
            : ((RequestOutcome.Invalid) outcome).reason();
    return new Handled("failed", null, what + ": " + reason);
  }
}
