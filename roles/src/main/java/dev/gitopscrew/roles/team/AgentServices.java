package dev.gitopscrew.roles.team;

import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.release.Releases;
import dev.gitopscrew.roles.Prerequisite;
import dev.gitopscrew.roles.ask.Planner;
import dev.gitopscrew.roles.cluster.ClusterAccess;
import dev.gitopscrew.roles.cluster.IncidentSettings;
import dev.gitopscrew.roles.work.CrewActivity;
import dev.gitopscrew.roles.work.PastResults;
import dev.gitopscrew.roles.work.ServerTools;
import java.time.Clock;

/**
 * The services the agents' actions are built on: the Git workflow, the cluster behind its guard,
 * incidents, whether a model is set up and the planner behind it, releases, the clock, what earlier
 * runs of a request left behind, and what the crew did lately (the digest).
 */
public record AgentServices(
    Changes changes,
    ClusterAccess cluster,
    IncidentSettings incidents,
    IncidentLog incidentLog,
    Prerequisite models,
    Releases releases,
    Clock clock,
    Planner planner,
    PastResults pastResults,
    CrewActivity activity,
    ServerTools serverTools) {}
