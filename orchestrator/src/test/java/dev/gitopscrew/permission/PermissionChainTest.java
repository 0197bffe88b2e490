package dev.gitopscrew.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.config.ConfigLoader;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.skill.SkillCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionChainTest {

  static final SkillCatalog SKILLS = SkillCatalog.load(List.of());
  @TempDir Path dir;

  @Test
  void embeddedDefaultsGiveEachRoleItsDefaultSkillsAndTheOrchestratorTheRoles() {
    PermissionChain chain = new PermissionChain(CrewConfig.defaults(), SKILLS);
    AgentProfile sre = chain.profile(KnownAgent.DEVOPS_SRE);
    assertThat(sre.skills()).containsExactlyElementsOf(KnownAgent.DEVOPS_SRE.defaultSkills());
    assertThat(sre.tools()).contains(Tool.CLUSTER_RESTART).doesNotContain(Tool.RELEASE_CUT);
    assertThat(sre.allowedSubagents()).containsExactly("devops-sre");
    assertThat(chain.profile(KnownAgent.HOMELAB_ADMIN).allowedSubagents())
        .contains("devops-sre", "software-engineer", "security-analyst", "qa-tester");
  }

  @Test
  void channelScopeIntersectsTheAgentsSkills() {
    PermissionChain chain = new PermissionChain(CrewConfig.defaults(), SKILLS);
    ChannelScope alerts =
        new ChannelScope("#alerts", Optional.of(List.of("homelab-admin", "incident-response")));

    assertThat(chain.tools(KnownAgent.HOMELAB_ADMIN, alerts))
        .contains(Tool.INCIDENT_TRIAGE)
        .doesNotContain(Tool.GIT_CHANGE);
    assertThat(chain.check(KnownAgent.HOMELAB_ADMIN, alerts, Tool.GIT_CHANGE))
        .isEqualTo(
            new Decision.Refused(
                "#alerts does not allow the skill gitops that grants git.change to homelab-admin"));
    assertThat(
            chain
                .check(KnownAgent.HOMELAB_ADMIN, ChannelScope.unrestricted("cli"), Tool.GIT_CHANGE)
                .allowed())
        .isTrue();
  }

  @Test
  void theChannelNarrowsTheAnsweringAgentAndItsDelegatesKeepTheirOwnSkillsUnlessItOptsIn() {
    PermissionChain chain = new PermissionChain(CrewConfig.defaults(), SKILLS);
    List<String> general =
        List.of("homelab-admin", "gitops", "secret-management", "incident-response", "weather");
    ChannelScope openClaw = new ChannelScope("#general", Optional.of(general));
    ChannelScope strict =
        new ChannelScope("#general", Optional.of(general), Optional.empty(), true);
    ChannelScope gitopsOnly = new ChannelScope("#docs", Optional.of(List.of("gitops")));

    // homelab-admin answers, holds sessions.spawn in #general, devops-sre restarts with its own
    assertThat(
            chain.admit(
                KnownAgent.HOMELAB_ADMIN, KnownAgent.DEVOPS_SRE, openClaw, Tool.CLUSTER_RESTART))
        .isEqualTo(new Decision.Allowed("devops-sre"));
    // the stricter reading narrows devops-sre too
    assertThat(
            chain.admit(
                KnownAgent.HOMELAB_ADMIN, KnownAgent.DEVOPS_SRE, strict, Tool.CLUSTER_RESTART))
        .isEqualTo(
            new Decision.Refused(
                "#general does not allow the skill devops-sre that grants cluster.restart to"
                    + " devops-sre"));
    // without sessions.spawn in the channel homelab-admin cannot hand the work on
    assertThat(
            chain.admit(
                KnownAgent.HOMELAB_ADMIN, KnownAgent.DEVOPS_SRE, gitopsOnly, Tool.CLUSTER_RESTART))
        .isEqualTo(
            new Decision.Refused(
                "#docs does not allow the skill homelab-admin that grants sessions.spawn to"
                    + " homelab-admin, needed to hand work to devops-sre"));
    // devops-sre asked for directly answers there itself, so the channel narrows it
    assertThat(
            chain.admit(
                KnownAgent.DEVOPS_SRE, KnownAgent.DEVOPS_SRE, openClaw, Tool.CLUSTER_RESTART))
        .isEqualTo(
            new Decision.Refused(
                "#general does not allow the skill devops-sre that grants cluster.restart to"
                    + " devops-sre"));
  }

  @Test
  void refusalNamesTheMissingLink() {
    PermissionChain chain = new PermissionChain(CrewConfig.defaults(), SKILLS);
    Decision d =
        chain.check(KnownAgent.QA_TESTER, ChannelScope.unrestricted("cli"), Tool.CLUSTER_SCALE);
    assertThat(d).isInstanceOf(Decision.Refused.class);
    assertThat(((Decision.Refused) d).missingLink())
        .startsWith("agent qa-tester has no skill granting cluster.scale (its skills: qa-tester");
  }

  @Test
  void onlyTheOrchestratorCutsReleasesWhateverItsSkills() throws IOException {
    CrewConfig config =
        load(
            "{\"agents\": {\"list\": [{\"id\": \"devops-sre\", \"skills\": [\"homelab-admin\"]}]}}");
    PermissionChain chain = new PermissionChain(config, SKILLS);
    assertThat(chain.profile(KnownAgent.DEVOPS_SRE).tools())
        .contains(Tool.RELEASE_PLAN)
        .doesNotContain(Tool.RELEASE_CUT);
    assertThat(
            chain.check(KnownAgent.DEVOPS_SRE, ChannelScope.unrestricted("cli"), Tool.RELEASE_CUT))
        .isEqualTo(
            new Decision.Refused("only homelab-admin creates tags, releases and milestones"));
  }

  @Test
  void emptySkillsMeansNoneAndDefaultsSkillsApplyWhenAbsent() throws IOException {
    CrewConfig config =
        load(
            """
            {"agents": {"defaults": {"skills": ["gitops"]},
                        "list": [{"id": "qa-tester", "skills": []}, {"id": "cursor-agent"}]}}
            """);
    PermissionChain chain = new PermissionChain(config, SKILLS);
    assertThat(chain.profile(KnownAgent.QA_TESTER).tools()).isEmpty();
    assertThat(chain.profile(KnownAgent.SOFTWARE_ENGINEER).skills()).containsExactly("gitops");
    assertThat(chain.ignoredAgents()).containsExactly("cursor-agent");
  }

  @Test
  void agentToAgentLimitsWhomTheOrchestratorMaySpawn() throws IOException {
    CrewConfig off = load("{\"tools\": {\"agentToAgent\": {\"enabled\": false}}}");
    assertThat(
            new PermissionChain(off, SKILLS).profile(KnownAgent.HOMELAB_ADMIN).allowedSubagents())
        .containsExactly("homelab-admin");
    CrewConfig some =
        load("{\"tools\": {\"agentToAgent\": {\"allow\": [\"homelab-admin\", \"qa-tester\"]}}}");
    assertThat(
            new PermissionChain(some, SKILLS).profile(KnownAgent.HOMELAB_ADMIN).allowedSubagents())
        .containsExactly("homelab-admin", "qa-tester");
  }

  private CrewConfig load(String json) throws IOException {
    Path file = dir.resolve("crew.json");
    Files.writeString(file, json);
    return new ConfigLoader(Map.of()).loadFile(file).config();
  }
}
