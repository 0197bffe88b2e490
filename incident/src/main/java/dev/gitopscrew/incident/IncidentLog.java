package dev.gitopscrew.incident;

import java.util.List;
import java.util.Optional;

/** Where incidents are kept, and the audit trail their timeline is written from. */
public interface IncidentLog {

  /** The open incident of an application, or a new one; one open incident per app at a time. */
  Incident openFor(String app, String appNamespace, String trigger, long requestId);

  Optional<Incident> find(long id);

  Optional<Incident> openOf(String app);

  List<Incident> list(int limit);

  /** Records what the response found and did. */
  void update(
      long id,
      String severity,
      String state,
      String summary,
      String runbook,
      String issueRepository,
      Integer issueNumber,
      String report);

  /** Every external effect of a request, in order, one line each, for the report's timeline. */
  List<String> timeline(long requestId);
}
