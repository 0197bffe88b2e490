package dev.gitopscrew.incident;

import java.time.Instant;

/**
 * One incident: an application in trouble, from when it was noticed until it is resolved.
 *
 * @param trigger what noticed it: an Argo CD notification trigger, {@code sweep}, or a person
 * @param state {@code open}, {@code mitigated} (acted on, not yet verified) or {@code resolved}
 * @param requestId the root session of the response, whose audit trail is the timeline
 */
public record Incident(
    long id,
    String app,
    String appNamespace,
    String trigger,
    String severity,
    String state,
    Instant openedAt,
    Instant resolvedAt,
    Long requestId,
    String summary,
    String runbook,
    String issueRepository,
    Integer issueNumber,
    String report) {

  public String describe() {
    return "#"
        + id
        + " "
        + (severity == null ? "SEV-?" : severity)
        + " "
        + state
        + " "
        + app
        + " ("
        + trigger
        + ", opened "
        + openedAt
        + (resolvedAt == null ? "" : ", resolved " + resolvedAt)
        + ")"
        + (summary == null ? "" : ": " + summary);
  }
}
