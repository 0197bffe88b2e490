package dev.gitopscrew.roles;

import java.util.Map;
import java.util.Optional;

/**
 * A structured request, parsed: what to do ({@link Kind}), to what ({@code subject}), with which
 * options ({@code namespace}, {@code replicas}, {@code pr}, {@code milestone}, {@code description},
 * {@code path}, a drill's numbers) and the text it came from.
 */
public record Request(Kind kind, String subject, Map<String, String> options, String text) {

  /** Every request kind and the agent it goes to. */
  public enum Kind {
    RESTART("restart", KnownAgent.DEVOPS_SRE, Tool.CLUSTER_RESTART),
    SCALE("scale", KnownAgent.DEVOPS_SRE, Tool.CLUSTER_SCALE),
    CHANGE("change", KnownAgent.SOFTWARE_ENGINEER, Tool.GIT_CHANGE),
    SCAN("scan", KnownAgent.SECURITY_ANALYST, Tool.SCAN_MANIFESTS),
    VALIDATE("validate", KnownAgent.QA_TESTER, Tool.VALIDATE_CHANGE),
    VERIFY("verify", KnownAgent.QA_TESTER, Tool.VERIFY_DEPLOYMENT),
    RELEASE_PLAN("release plan", KnownAgent.HOMELAB_ADMIN, Tool.RELEASE_PLAN),
    RELEASE("release", KnownAgent.HOMELAB_ADMIN, Tool.RELEASE_CUT),
    DRILL("drill", KnownAgent.HOMELAB_ADMIN, Tool.SESSIONS_SPAWN),
    /** One qa-tester's share of a drill's leaves; homelab-admin hands these out. */
    DRILL_SHARE("drill share", KnownAgent.QA_TESTER, Tool.SESSIONS_SPAWN);

    private final String verb;
    private final KnownAgent agent;
    private final Tool tool;

    Kind(String verb, KnownAgent agent, Tool tool) {
      this.verb = verb;
      this.agent = agent;
      this.tool = tool;
    }

    /** The tool the request needs; the permission chain must grant it to the agent. */
    public Tool tool() {
      return tool;
    }

    public String verb() {
      return verb;
    }

    public KnownAgent agent() {
      return agent;
    }
  }

  public Request {
    options = Map.copyOf(options);
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** The agent this request goes to. */
  public KnownAgent agent() {
    return kind.agent();
  }
}
