package dev.gitopscrew.effect;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * The single door to the outside world: every push, forge write, cluster write and chat post of a
 * session goes through {@link #perform}, which writes one audit record per effect. In a dry run
 * nothing passes the door: {@link #preview} records what would happen, and a {@code perform} is
 * refused. Secret values never reach a record.
 */
public final class SideEffects {

  /** One external write; its result names the artifact it made. */
  @FunctionalInterface
  public interface Write<T> {
    T run() throws Exception;
  }

  private final Actor actor;
  private final boolean dryRun;
  private final AuditLog log;
  private final Redactor redactor;
  private final Clock clock;

  public SideEffects(Actor actor, boolean dryRun, AuditLog log, Redactor redactor, Clock clock) {
    this.actor = Objects.requireNonNull(actor, "actor");
    this.dryRun = dryRun;
    this.log = Objects.requireNonNull(log, "audit log");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A door that records nothing, for callers outside any session (tools, benchmarks). */
  public static SideEffects unaudited(String agent) {
    return new SideEffects(
        new Actor(0, 0, agent, "local", "local"),
        false,
        AuditLog.NONE,
        Redactor.none(),
        Clock.systemUTC());
  }

  public boolean dryRun() {
    return dryRun;
  }

  public Actor actor() {
    return actor;
  }

  /** The same door for another session of the same request (a child doing part of the work). */
  public SideEffects forSession(long sessionId, String agent) {
    return new SideEffects(
        new Actor(actor.requestId(), sessionId, agent, actor.channel(), actor.requester()),
        dryRun,
        log,
        redactor,
        clock);
  }

  /**
   * Performs one write and records it: {@code ok} with the artifact, or {@code failed} with the
   * reason, rethrowing the failure. In a dry run the write does not run and {@link DryRunViolation}
   * is thrown.
   */
  public <T> T perform(
      EffectKind kind, String target, Write<T> write, Function<? super T, String> artifact) {
    if (dryRun) {
      record(kind, target, null, AuditRecord.REFUSED, "a dry run performs no writes");
      throw new DryRunViolation(
          "dry run: " + kind.id() + " on " + redactor.redact(target) + " was not performed");
    }
    T result;
    try {
      result = write.run();
    } catch (RuntimeException e) {
      record(kind, target, null, AuditRecord.FAILED, reason(e));
      throw e;
    } catch (Exception e) {
      record(kind, target, null, AuditRecord.FAILED, reason(e));
      throw new EffectFailedException(redactor.redact(reason(e)));
    }
    record(kind, target, result == null ? null : artifact.apply(result), AuditRecord.OK, null);
    return result;
  }

  /** Records what a write would do, without doing it (dry run, or a step skipped as done). */
  public void preview(EffectKind kind, String target, String what) {
    record(kind, target, null, AuditRecord.PREVIEWED, what);
  }

  private void record(
      EffectKind kind, String target, String artifact, String outcome, String detail) {
    log.append(
        new AuditRecord(
            0,
            actor.requestId(),
            actor.sessionId(),
            actor.agent(),
            actor.channel(),
            redactor.redact(actor.requester()),
            kind.id(),
            redactor.redact(target),
            redactor.redact(artifact),
            dryRun,
            outcome,
            redactor.redact(detail),
            clock.instant()));
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /**
   * A checked failure of a write, unchecked so that callers see one kind of failure. It carries no
   * cause: a library's exception may quote a credential.
   */
  public static final class EffectFailedException extends RuntimeException {
    EffectFailedException(String message) {
      super(message);
    }
  }
}
