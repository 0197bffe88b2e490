package dev.gitopscrew.roles.team;

import dev.gitopscrew.incident.Severity;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.RoleAgent;
import dev.gitopscrew.roles.Routing;
import dev.gitopscrew.roles.ask.AnswerFreeText;
import dev.gitopscrew.roles.change.OpenChange;
import dev.gitopscrew.roles.cluster.ReadCluster;
import dev.gitopscrew.roles.cluster.RunClusterAction;
import dev.gitopscrew.roles.cluster.RunRunbookAction;
import dev.gitopscrew.roles.drill.RunDrill;
import dev.gitopscrew.roles.drill.RunDrillLeaf;
import dev.gitopscrew.roles.drill.RunDrillShare;
import dev.gitopscrew.roles.edit.EditManifest;
import dev.gitopscrew.roles.incident.RespondToIncident;
import dev.gitopscrew.roles.label.LabelPullRequest;
import dev.gitopscrew.roles.release.CutRelease;
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

  public static List<RoleAgent> agents(Capabilities capabilities) {
    return List.of(
        new RoleAgent(
            KnownAgent.HOMELAB_ADMIN,
            List.of(
                new RunDrill(),
                new PlanRelease(capabilities.releases()),
                new CutRelease(capabilities.releases()),
                new MergePullRequest(capabilities.releases()),
                new AnswerFreeText(capabilities.models(), capabilities.planner()),
                new RespondToIncident(
                    capabilities.incidentLog(),
                    capabilities.incidents(),
                    new Severity(capabilities.incidents().severityRules()),
                    capabilities.changes()))),
        new RoleAgent(
            KnownAgent.DEVOPS_SRE,
            List.of(
                new RunClusterAction(capabilities.cluster(), capabilities.clock()),
                new ReadCluster(capabilities.cluster()),
                new RunRunbookAction(
                    capabilities.cluster(),
                    capabilities.incidents(),
                    capabilities.changes(),
                    capabilities.clock()))),
        new RoleAgent(
            KnownAgent.SOFTWARE_ENGINEER,
            List.of(
                new OpenChange(capabilities.changes()),
                new EditManifest(capabilities.changes()),
                new LabelPullRequest(capabilities.changes()))),
        new RoleAgent(
            KnownAgent.SECURITY_ANALYST, List.of(new ScanManifests(capabilities.changes()))),
        new RoleAgent(
            KnownAgent.QA_TESTER,
            List.of(
                new ValidateChange(capabilities.changes()),
                new VerifyDeployment(
                    capabilities.cluster(), capabilities.incidents(), capabilities.clock()),
                new TriageApplication(
                    capabilities.cluster(), capabilities.changes(), capabilities.clock()),
                new RunDrillShare())));
  }

  /** The routing table of these agents, with the leaf workers' actions. */
  public static Routing routing(Capabilities capabilities) {
    return new Routing(agents(capabilities), List.of(new RunDrillLeaf()));
  }
}
