package dev.gitopscrew.git;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The agent footprint of PRODUCT.md section 5: every artifact names the agent that made it.
 *
 * @param domain the e-mail domain of agent identities ({@code git.footprint.domain})
 * @param footerName the product name in body footers ({@code git.footprint.footer})
 */
public record Footprint(String domain, String footerName) {

  public static final String DEFAULT_DOMAIN = "gitops-crew.local";
  public static final String DEFAULT_FOOTER = "GitOps Crew";

  public Footprint {
    domain = domain == null || domain.isBlank() ? DEFAULT_DOMAIN : domain.trim();
    footerName = footerName == null || footerName.isBlank() ? DEFAULT_FOOTER : footerName.trim();
    if (!domain.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("footprint domain '" + domain + "' is not a host name");
    }
  }

  public static Footprint defaults() {
    return new Footprint(DEFAULT_DOMAIN, DEFAULT_FOOTER);
  }

  public String authorName(String agentId) {
    return RefNames.requireValidAgentId(agentId) + "[bot]";
  }

  public String authorEmail(String agentId) {
    return RefNames.requireValidAgentId(agentId) + "@" + domain;
  }

  /** The commit author and committer: {@code <agent-id>[bot] <<agent-id>@<domain>>}. */
  public PersonIdent author(String agentId) {
    return new PersonIdent(authorName(agentId), authorEmail(agentId));
  }

  /** {@code <type>: <description> (#<issue>) [<agent-id>]}. */
  public String commitMessage(ChangeType type, String description, int issue, String agentId) {
    return type.id()
        + ": "
        + RefNames.requireSingleLine("description", description)
        + " (#"
        + issue
        + ") ["
        + RefNames.requireValidAgentId(agentId)
        + "]";
  }

  /** {@code <agent-id>/<type>/<issue>-<slug>}, validated by Git's ref-format rules. */
  public String branchName(String agentId, ChangeType type, int issue, String title) {
    return RefNames.requireValidBranch(
        RefNames.requireValidAgentId(agentId)
            + "/"
            + type.id()
            + "/"
            + issue
            + "-"
            + RefNames.slug(title));
  }

  /** {@code agent:<id>}, exactly one {@code type:*}, one {@code priority:*}, one or more area. */
  public Set<String> labels(String agentId, ChangeType type, String priority, List<String> areas) {
    Objects.requireNonNull(priority, "priority");
    List<String> areaList = areas == null || areas.isEmpty() ? List.of("gitops") : areas;
    Set<String> labels = new LinkedHashSet<>();
    labels.add("agent:" + RefNames.requireValidAgentId(agentId));
    labels.add("type:" + type.id());
    labels.add("priority:" + labelWord("priority", priority));
    for (String area : areaList) {
      labels.add("area:" + labelWord("area", area));
    }
    return labels;
  }

  /** The body footer: {@code ---} then {@code Agent: <agent-id> | <footer name>}. */
  public String footer(String agentId) {
    return "---\nAgent: " + RefNames.requireValidAgentId(agentId) + " | " + footerName;
  }

  /** {@code body} followed by the footer, so the footer is always the end of the body. */
  public String withFooter(String body, String agentId) {
    List<String> parts = new ArrayList<>();
    if (body != null && !body.isBlank()) {
      parts.add(body.strip());
    }
    parts.add(footer(agentId));
    return String.join("\n\n", parts);
  }

  private static String labelWord(String what, String value) {
    if (!value.matches("[a-z0-9][a-z0-9._-]{0,40}")) {
      throw new IllegalArgumentException(
          what + " '" + value + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    return value;
  }
}
