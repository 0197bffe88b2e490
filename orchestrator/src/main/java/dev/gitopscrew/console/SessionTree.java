package dev.gitopscrew.console;

import dev.gitopscrew.audit.ConsoleReads;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.session.SessionRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's session tree as the console draws it (homelab-admin → owner → leaf workers), each
 * node with its state, duration, result and side effects. A drill of thousands of leaves shows its
 * first {@link #NODES} and says how many more there are.
 */
public record SessionTree(
    List<Node> roots,
    long shown,
    long total,
    boolean live,
    String digest,
    long focus,
    dev.gitopscrew.session.Approval approval) {

  static final int NODES = 300;
  private static final int EFFECTS = 1000;

  /** One session and what hangs below it. */
  public record Node(SessionRow session, List<Effect> effects, List<Node> children) {}

  /** One side effect: what was written where, and a link to it when it is on the web. */
  public record Effect(
      String kind, String target, String artifact, String href, String outcome, boolean dryRun) {

    static Effect of(AuditRecord r, ArtifactLink links) {
      return new Effect(
          r.kind(),
          r.target(),
          r.artifact() == null ? "" : r.artifact(),
          links.href(r.kind(), r.target(), r.artifact()),
          r.outcome(),
          r.dryRun());
    }
  }

  static SessionTree read(ConsoleReads reads, ArtifactLink links, long rootId, long focus) {
    ConsoleReads.Page<SessionRecord> page = reads.tree(rootId, NODES);
    Map<Long, List<Effect>> effects = new LinkedHashMap<>();
    for (AuditRecord r : reads.effects(rootId, EFFECTS)) {
      effects.computeIfAbsent(r.sessionId(), k -> new ArrayList<>()).add(Effect.of(r, links));
    }
    Map<Long, List<SessionRecord>> byParent = new LinkedHashMap<>();
    List<SessionRecord> tops = new ArrayList<>();
    java.util.Set<Long> present = new java.util.HashSet<>();
    page.rows().forEach(s -> present.add(s.id()));
    for (SessionRecord s : page.rows()) {
      if (s.parentId() == null || !present.contains(s.parentId())) {
        tops.add(s);
      } else {
        byParent.computeIfAbsent(s.parentId(), k -> new ArrayList<>()).add(s);
      }
    }
    long total = page.more() ? reads.treeSize(rootId) : page.rows().size();
    boolean live = page.rows().stream().anyMatch(s -> !s.isTerminal());
    StringBuilder digest = new StringBuilder();
    page.rows().forEach(s -> digest.append(s.id()).append(s.state()).append(';'));
    digest.append(effects.values().stream().mapToInt(List::size).sum()).append(';').append(total);
    dev.gitopscrew.session.Approval approval = reads.approval(rootId).orElse(null);
    if (approval != null) {
      digest.append(';').append(approval.id()).append(approval.state());
    }
    List<Node> roots = tops.stream().map(s -> node(s, byParent, effects)).toList();
    return new SessionTree(
        roots, page.rows().size(), total, live, digest.toString(), focus, approval);
  }

  private static Node node(
      SessionRecord s, Map<Long, List<SessionRecord>> byParent, Map<Long, List<Effect>> effects) {
    return new Node(
        SessionRow.of(s),
        effects.getOrDefault(s.id(), List.of()),
        byParent.getOrDefault(s.id(), List.of()).stream()
            .map(c -> node(c, byParent, effects))
            .toList());
  }

  /** Whether the tree holds more sessions than it shows. */
  public long hidden() {
    return total - shown;
  }
}
