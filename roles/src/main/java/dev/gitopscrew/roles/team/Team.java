package dev.gitopscrew.roles.team;

import dev.gitopscrew.incident.SeverityRules;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.RoleAgent;
import dev.gitopscrew.roles.Routing;
import dev.gitopscrew.roles.ask.AnswerFreeText;
import dev.gitopscrew.roles.change.OpenChange;
import dev.gitopscrew.roles.cluster.CheckDrift;
import dev.gitopscrew.roles.cluster.ReadCluster;
import dev.gitopscrew.roles.cluster.RunClusterAction;
import dev.gitopscrew.roles.cluster.RunRunbookAction;
import dev.gitopscrew.roles.digest.WriteDigest;
import dev.gitopscrew.roles.drill.RunDrill;
import dev.gitopscrew.roles.drill.RunDrillLeaf;
import dev.gitopscrew.roles.drill.RunDrillShare;
import dev.gitopscrew.roles.edit.EditManifest;
import dev.gitopscrew.roles.incident.RespondToIncident;
import dev.gitopscrew.roles.label.LabelPullRequest;
import dev.gitopscrew.roles.mcp.CallServerTool;
import dev.gitopscrew.roles.release.CutRelease;
import dev.gitopscrew.roles.release.FindReleasesDue;
import dev.gitopscrew.roles.release.MergePullRequest;
import dev.gitopscrew.roles.release.PlanRelease;
import dev.gitopscrew.roles.scan.ScanManifests;
import dev.gitopscrew.roles.triage.TriageApplication;
import dev.gitopscrew.roles.validate.ValidateChange;
import dev.gitopscrew.roles.verify.VerifyDeployment;
import java.util.List;

/**
 * The crew's agents and the actions each owns, in one place: adding a request kind means adding its
 * action to its owner here.
 */
public final class Team {

  private Team() {}

  public static List<RoleAgent> agents(AgentServices services) {
    return List.of(
        new RoleAgent(
            KnownAgent.HOMELAB_ADMIN,
            List.of(
                new RunDrill(),
                new PlanRelease(services.releases()),
                new FindReleasesDue(services.releases(), services.clock()),
                new WriteDigest(
                    services.activity(),
                    services.releases(),
                    services.pastResults(),
                    services.clock()),
                new CutRelease(services.releases()),
                new MergePullRequest(services.releases()),
                new CallServerTool(services.serverTools()),
                new AnswerFreeText(services.models(), services.planner()),
                new RespondToIncident(
                    services.incidentLog(),
                    services.incidents(),
                    new SeverityRules(services.incidents().severityRules()),
                    services.changes()))),
        new RoleAgent(
            KnownAgent.DEVOPS_SRE,
            List.of(
                new RunClusterAction(services.cluster(), services.clock()),
                new ReadCluster(services.cluster()),
                new CheckDrift(services.cluster(), services.pastResults()),
                new RunRunbookAction(
                    services.cluster(),
                    services.incidents(),
                    services.changes(),
                    services.clock()))),
        new RoleAgent(
            KnownAgent.SOFTWARE_ENGINEER,
            List.of(
                new OpenChange(services.changes()),
                new EditManifest(services.changes()),
                new LabelPullRequest(services.changes()))),
        new RoleAgent(KnownAgent.SECURITY_ANALYST, List.of(new ScanManifests(services.changes()))),
        new RoleAgent(
            KnownAgent.QA_TESTER,
            List.of(
                new ValidateChange(services.changes()),
                new VerifyDeployment(services.cluster(), services.incidents(), services.clock()),
                new TriageApplication(services.cluster(), services.changes(), services.clock()),
                new RunDrillShare())));
  }

  /** The routing table of these agents, with the leaf workers' actions. */
  public static Routing routing(AgentServices services) {
    return new Routing(agents(services), List.of(new RunDrillLeaf()));
  }
}
