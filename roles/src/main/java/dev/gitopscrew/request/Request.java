package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A request to the crew, typed and validated where it enters (CLI options, HTTP JSON, chat text),
 * stored with its session as JSON ({@link RequestJson}) and never parsed from text again. Each kind
 * has exactly one owning agent and one action class.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
public sealed interface Request
    permits ClusterAction,
        Kube,
        Drift,
        Digest,
        ReleaseDue,
        Change,
        Edit,
        Scan,
        Validate,
        Verify,
        Triage,
        RunRunbook,
        Alert,
        ReleasePlan,
        ReleaseCut,
        Merge,
        Ask,
        Drill,
        DrillShare,
        DrillLeaf,
        Label,
        McpCall,
        DryRunnable,
        Request.Contributed {

  /**
   * A kind contributed to the request catalogue from outside this module (a test fixture; later a
   * schedule's check or an MCP tool): it reaches every door like the crew's own kinds.
   */
  non-sealed interface Contributed extends Request {}

  /** One line saying what is asked, as sessions and chat show it. */
  String describe();

  /** A dry run writes nothing and says what it would do. */
  @JsonIgnore
  default boolean isDryRun() {
    return false;
  }

  /** The same request as a dry run, for kinds that have one. */
  default java.util.Optional<Request> asDryRun() {
    return java.util.Optional.empty();
  }
}
