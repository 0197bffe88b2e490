package dev.gitopscrew.roles.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.git.change.IssueRequest;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.incident.SeverityRules;
import dev.gitopscrew.incident.TriageReport;
import dev.gitopscrew.incident.runbook.Runbook;
import dev.gitopscrew.incident.runbook.Runbooks;
import dev.gitopscrew.request.Alert;
import dev.gitopscrew.request.RunRunbook;
import dev.gitopscrew.request.Triage;
import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Delegation;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.cluster.IncidentSettings;
import dev.gitopscrew.roles.work.AwaitingApproval;
import java.util.List;
import java.util.Optional;

/**
 * homelab-admin as incident commander: qa-tester triages the application (reading it afresh: a
 * notification is only a hint), the severity follows the declared rules, devops-sre runs the
 * runbook the trigger and findings select (after an approval when it is disruptive), qa-tester
 * verifies, and the post-incident report goes on the incident's issue.
 */
public final class RespondToIncident implements Action<Alert> {

  /** Built by the first incident, not when the crew is: a mapper costs start-up time. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }

  private final IncidentLog log;
  private final IncidentSettings settings;
  private final SeverityRules severity;
  private final Changes changes;

  public RespondToIncident(
      IncidentLog log, IncidentSettings settings, SeverityRules severity, Changes changes) {
    this.log = log;
    this.settings = settings;
    this.severity = severity;
    this.changes = changes;
  }

  @Override
  public Class<Alert> handles() {
    return Alert.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.INCIDENT_TRIAGE);
  }

  @Override
  public String run(Alert alert, ActionContext context) throws Exception {
    long request = context.assignment().rootId();
    Incident incident = log.openFor(alert.application(), alert.namespace(), alert.event(), request);
    if (incident.requestId() != null
        && incident.requestId() != request
        && log.responding(incident.id())) {
      return join(incident, alert, request);
    }
    TriageReport triage = triage(incident, alert, context);
    String sev = severity.of(triage.app(), triage.findings());
    String summary = summary(triage);
    if (triage.findings().isEmpty()) {
      return resolveHealthy(incident, sev, alert, triage, context);
    }
    Optional<Runbook> runbook =
        Runbooks.matching(
            settings.runbooks(), triggerOf(alert, triage), triage.app(), triage.findings());
    log.update(
        incident.id(),
        sev,
        "open",
        summary,
        runbook.map(Runbook::name).orElse(null),
        null,
        null,
        null);
    Mitigation mitigation =
        runbook.isPresent()
            ? mitigate(runbook.get(), incident, sev, summary, alert, context)
            : new Mitigation(
                "no runbook matches " + alert.event() + " with these findings: a person decides",
                null);
    return close(incident, sev, summary, alert, triage, runbook, mitigation, context);
  }

  /** What running the runbook said, and what verifying afterwards said (null without a runbook). */
  private record Mitigation(String resolution, Delegation.Answer verified) {

    String state(boolean hadRunbook) {
      return verified != null && verified.succeeded()
          ? "resolved"
          : hadRunbook ? "mitigated" : "open";
    }
  }

  /** One runbook run per incident: a later alert joins the response already at work. */
  private String join(Incident incident, Alert alert, long request) {
    log.note(
        incident.id(),
        "alert "
            + alert.event()
            + (alert.revision() == null ? "" : " at " + alert.revision())
            + " joined (request #"
            + request
            + "); the response of request #"
            + incident.requestId()
            + " is still at work");
    return "incident #"
        + incident.id()
        + " "
        + alert.application()
        + ": joined; request #"
        + incident.requestId()
        + " is already responding";
  }

  /** qa-tester reads the application afresh; a failed triage leaves the incident open. */
  private TriageReport triage(Incident incident, Alert alert, ActionContext context)
      throws InterruptedException, JsonProcessingException {
    Delegation.Answer triaged =
        Delegation.ask(
            context, KnownAgent.QA_TESTER, new Triage(alert.application(), alert.namespace()));
    if (!triaged.succeeded() || triaged.data().isEmpty()) {
      log.update(
          incident.id(), null, "open", "triage failed: " + triaged.text(), null, null, null, null);
      throw new ActionFailedException(
          "triage of " + alert.application() + " failed: " + triaged.text());
    }
    return Json.MAPPER.readValue(triaged.data().get(), TriageReport.class);
  }

  /** The notification was a hint: read afresh, the application is fine now. */
  private String resolveHealthy(
      Incident incident, String sev, Alert alert, TriageReport triage, ActionContext context) {
    String report =
        IncidentReport.write(
            incident,
            sev,
            alert,
            triage,
            null,
            "nothing to do: " + "the application is Healthy and Synced when read again",
            null,
            log.timeline(context.assignment().rootId()));
    log.update(
        incident.id(), "SEV-4", "resolved", "healthy when read again", null, null, null, report);
    return "incident #"
        + incident.id()
        + " "
        + alert.application()
        + ": healthy when read again; resolved";
  }

  /**
   * devops-sre runs the runbook (a disruptive one waits for an approval, with a dry run's preview),
   * then qa-tester verifies.
   */
  private Mitigation mitigate(
      Runbook runbook,
      Incident incident,
      String sev,
      String summary,
      Alert alert,
      ActionContext context)
      throws AwaitingApproval, InterruptedException {
    RunRunbook run = new RunRunbook(runbook.name(), alert.application(), alert.namespace(), false);
    Optional<String> approval = runbook.approvalNeeded(alert.application());
    if (approval.isPresent() && context.assignment().task().approvedBy() == null) {
      Delegation.Answer preview =
          Delegation.ask(context, KnownAgent.DEVOPS_SRE, run.asDryRun().orElseThrow());
      throw new AwaitingApproval(
          approval.get(),
          "incident #"
              + incident.id()
              + " "
              + sev
              + " "
              + alert.application()
              + ": "
              + summary
              + "\n"
              + preview.text());
    }
    Delegation.Answer acted = Delegation.ask(context, KnownAgent.DEVOPS_SRE, run);
    String resolution = (acted.succeeded() ? "" : "the runbook failed: ") + acted.text();
    Delegation.Answer verified =
        Delegation.ask(
            context,
            KnownAgent.QA_TESTER,
            new Verify(alert.application(), alert.namespace(), settings.verifyWaitSeconds()));
    return new Mitigation(resolution, verified);
  }

  /** The post-incident report: written, posted on the issue, recorded, and summed up. */
  private String close(
      Incident incident,
      String sev,
      String summary,
      Alert alert,
      TriageReport triage,
      Optional<Runbook> runbook,
      Mitigation mitigation,
      ActionContext context) {
    Delegation.Answer verified = mitigation.verified();
    String state = mitigation.state(runbook.isPresent());
    String report =
        IncidentReport.write(
            incident,
            sev,
            alert,
            triage,
            runbook.orElse(null),
            mitigation.resolution(),
            verified == null ? null : verified.text(),
            log.timeline(context.assignment().rootId()));
    Optional<ChangeOutcome.Ref> issue = postReport(incident, sev, triage, report, context);
    log.update(
        incident.id(),
        sev,
        state,
        summary,
        runbook.map(Runbook::name).orElse(null),
        issue.isPresent()
            ? changes.repositoryFor(triage.app().repoUrl()).orElse(settings.reportRepository())
            : null,
        issue.map(ChangeOutcome.Ref::number).orElse(null),
        report);
    context.data(log.find(incident.id()).orElse(incident));
    return "incident #"
        + incident.id()
        + " "
        + sev
        + " "
        + alert.application()
        + " "
        + state
        + ": "
        + summary
        + "\n"
        + mitigation.resolution()
        + (verified == null ? "" : "\n" + verified.text())
        + issue.map(i -> "\nreport on issue #" + i.number() + " " + i.url()).orElse("");
  }

  /**
   * The report, on the incident's issue in the application's repository (or the configured one).
   */
  private Optional<ChangeOutcome.Ref> postReport(
      Incident incident, String sev, TriageReport triage, String report, ActionContext context) {
    Optional<String> repository =
        changes
            .repositoryFor(triage.app().repoUrl())
            .or(() -> Optional.ofNullable(settings.reportRepository()));
    if (repository.isEmpty() || !changes.repositories().contains(repository.get())) {
      return Optional.empty();
    }
    String agent = context.agent().id();
    ChangeOutcome.Ref issue =
        changes.openIssue(
            new IssueRequest(
                repository.get(),
                agent,
                ChangeType.FIX,
                "Incident: " + triage.app().name() + " " + triage.app().health() + " (" + sev + ")",
                "GitOps Crew opened this issue for incident #"
                    + incident.id()
                    + " of application "
                    + triage.app().name()
                    + "; the post-incident report follows as a comment.",
                "<!-- gitops-crew:incident " + incident.id() + " -->",
                sev.equals("SEV-1") ? "critical" : sev.equals("SEV-2") ? "high" : "medium",
                List.of(area(triage.app().destinationNamespace()))),
            context.effects());
    if (issue.number() > 0) {
      changes.comment(repository.get(), issue.number(), agent, report, context.effects());
    }
    return Optional.of(issue);
  }

  /**
   * The Argo CD trigger runbooks are matched with: the notification's own, or for the sweep and a
   * person's report, the one the application's state stands for.
   */
  static String triggerOf(Alert alert, TriageReport triage) {
    if (alert.event().startsWith("on-")) {
      return alert.event();
    }
    String phase = triage.app().operationPhase();
    return phase.equals("Failed") || phase.equals("Error")
        ? "on-sync-failed"
        : triage.app().health().equals("Healthy") ? alert.event() : "on-health-degraded";
  }

  private static String area(String namespace) {
    return namespace.matches("[a-z0-9][a-z0-9._-]{0,40}") ? namespace : "gitops";
  }

  private static String summary(TriageReport triage) {
    return triage.findings().isEmpty()
        ? "health " + triage.app().health()
        : triage.findings().get(0).describe().lines().findFirst().orElse("")
            + (triage.findings().size() > 1
                ? " (+" + (triage.findings().size() - 1) + " more)"
                : "");
  }
}
