package dev.gitopscrew.incident;

import java.util.List;
import java.util.Optional;

/** Where incidents are kept, and the audit trail their timeline is written from. */
public interface IncidentLog {

  /**
   * The incident request {@code requestId} already has, else the open incident of an application,
   * else a new one; one open incident per app at a time.
   */
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

  /**
   * Whether the response that opened incident {@code id} is still at work: queued, running, or
   * parked for an approval. While it is, a second alert joins the incident instead of running the
   * runbook again.
   */
  boolean responding(long id);

  /** Adds a line to the incident's timeline (a later alert it joined, a step withdrawn). */
  void note(long id, String line);

  /**
   * Every external effect of a request and every note on its incident, in order, one line each, for
   * the report's timeline.
   */
  List<String> timeline(long requestId);
}
