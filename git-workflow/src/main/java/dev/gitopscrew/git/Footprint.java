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
 * @param scheme how the repository spells the type, area and priority labels ({@code
 *     git.footprint.labels}, {@code git.footprint.areas})
 */
public record Footprint(String domain, String footerName, LabelScheme scheme) {

  public static final String DEFAULT_DOMAIN = "gitops-crew.local";
  public static final String DEFAULT_FOOTER = "GitOps Crew";

  public Footprint {
    domain = domain == null || domain.isBlank() ? DEFAULT_DOMAIN : domain.trim();
    footerName = footerName == null || footerName.isBlank() ? DEFAULT_FOOTER : footerName.trim();
    scheme = scheme == null ? LabelScheme.defaults() : scheme;
    if (!domain.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("footprint domain '" + domain + "' is not a host name");
    }
  }

  /** GitOps Crew's own label scheme. */
  public Footprint(String domain, String footerName) {
    this(domain, footerName, LabelScheme.defaults());
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

  /**
   * {@code agent:<id>}, exactly one type label, one priority label, one or more area labels, in the
   * repository's {@link LabelScheme}.
   */
  public Set<String> labels(String agentId, ChangeType type, String priority, List<String> areas) {
    return labels(agentId, type, priority, areas, List.of());
  }

  /**
   * As above, with labels the request asks for besides ({@code semver:breaking}, {@code
   * priority:high}): a priority label among them replaces the default priority, and a type label
   * other than the change's is refused, as an issue keeps exactly one type.
   */
  public Set<String> labels(
      String agentId, ChangeType type, String priority, List<String> areas, List<String> extra) {
    Objects.requireNonNull(priority, "priority");
    List<String> areaList = areas == null || areas.isEmpty() ? List.of("gitops") : areas;
    List<String> more = extra == null ? List.of() : extra;
    Set<String> labels = new LinkedHashSet<>();
    labels.add(LabelScheme.AGENT + RefNames.requireValidAgentId(agentId));
    String typeLabel = scheme.typeLabel(type);
    labels.add(typeLabel);
    for (String label : more) {
      if (scheme.isType(label) && !label.equals(typeLabel)) {
        throw new IllegalArgumentException(
            "the label "
                + label
                + " would give the change a second type beside "
                + typeLabel
                + ": set the type instead");
      }
    }
    if (more.stream().noneMatch(scheme::isPriority)) {
      labels.add(scheme.priority() + labelWord("priority", priority));
    }
    for (String area : areaList) {
      labels.add(scheme.area() + scheme.areaOf(labelWord("area", area)));
    }
    labels.addAll(more);
    return labels;
  }

  /** The type label of a change type in this footprint's scheme: {@code type:feat}. */
  public String typeLabel(ChangeType type) {
    return scheme.typeLabel(type);
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
