package dev.gitopscrew.effect;

import java.time.Instant;

/**
 * One external effect, as the audit trail keeps it.
 *
 * @param target what was written to: {@code demo:software-engineer/fix/1-x}, {@code
 *     apps/deployment/homepage}, a channel
 * @param artifact what the write made: a commit SHA, an issue or PR URL, a resourceVersion; null
 *     when nothing was made (a dry run, a failure)
 * @param outcome {@link #OK}, {@link #FAILED}, {@link #PREVIEWED} (a dry run) or {@link #REFUSED}
 * @param detail what a dry run would do, or why the write failed
 */
public record AuditRecord(
    long id,
    long requestId,
    long sessionId,
    String agent,
    String channel,
    String requester,
    String kind,
    String target,
    String artifact,
    boolean dryRun,
    String outcome,
    String detail,
    Instant at) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String PREVIEWED = "previewed";
  public static final String REFUSED = "refused";

  /** One line for people. */
  public String describe() {
    StringBuilder line = new StringBuilder();
    line.append(kind).append(' ').append(target).append(' ').append(outcome);
    if (dryRun) {
      line.append(" (dry run)");
    }
    if (artifact != null) {
      line.append(" -> ").append(artifact);
    }
    if (detail != null && !detail.isBlank()) {
      line.append(": ").append(detail);
    }
    return line.toString();
  }
}
