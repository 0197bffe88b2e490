package dev.gitopscrew.cli;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.LabelScheme;
import dev.gitopscrew.settings.GitSettings;
import dev.gitopscrew.skill.Skill;
import dev.gitopscrew.skill.SkillCatalog;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code Git footprint} part of {@code crew config explain}: who the crew's commits say they
 * are and how it labels, and, while {@code git.footprint} leaves the label scheme as the crew's
 * own, which keys make its labels the ones the file's skills use ({@code area:k8s} rather than
 * {@code area:<namespace>}), as docs/forges.md#for-openclaw-users shows.
 */
final class FootprintExplanation {

  static final String DOCS = "docs/forges.md#for-openclaw-users";

  /** The example change: devops-sre fixes something in namespace monitoring. */
  private static final String EXAMPLE_NAMESPACE = "monitoring";

  /** The crew's own areas besides namespaces: they need no mapping. */
  private static final Set<String> CREW_AREAS = Set.of("gitops", "security");

  private FootprintExplanation() {}

  static void print(PrintWriter out, CrewConfig config, SkillCatalog skills) {
    Footprint footprint = GitSettings.footprint(config);
    LabelScheme scheme = footprint.scheme();
    out.println(
        "\nGit footprint: commits by <agent>[bot] <<agent>@"
            + footprint.domain()
            + ">, footer \""
            + footprint.footerName()
            + "\"; labels "
            + scheme.type()
            + "<type>, "
            + scheme.area()
            + "<area>"
            + (scheme.areas().isEmpty() ? "" : " " + new TreeMap<>(scheme.areas()))
            + ", "
            + scheme.priority()
            + "<priority>, "
            + LabelScheme.BREAKING);
    if (scheme.equals(LabelScheme.defaults())) {
      advise(out, footprint, skills);
    }
    if (config.git().repositories().isEmpty()) {
      out.println(
          "  no git.repositories: the crew changes no repository of yours yet (only its demo);"
              + " add them, and git.footprint for your conventions (docs/migrating-from-openclaw.md)");
    }
  }

  /** The crew's own label scheme is in use: what it labels, and the keys that label as yours. */
  private static void advise(PrintWriter out, Footprint footprint, SkillCatalog skills) {
    out.println(
        "  a fix in namespace "
            + EXAMPLE_NAMESPACE
            + " is labelled "
            + String.join(", ", example(footprint)));
    Set<String> naming = new TreeSet<>();
    Set<String> used = areasInSkills(skills, naming);
    List<String> mapped = used.stream().filter(a -> !CREW_AREAS.contains(a)).toList();
    if (mapped.isEmpty()) {
      out.println(
          "  to label as your repository does, set git.footprint.labels: {\"type\": \"type:\","
              + " \"area\": \"area:\", \"priority\": \"priority:\"} to its prefixes and"
              + " git.footprint.areas: {\"*\": \"k8s\"} for one area on every change ("
              + DOCS
              + ")");
      return;
    }
    String area = mapped.get(0);
    Map<String, String> areas = new LinkedHashMap<>();
    areas.put(LabelScheme.ANY_AREA, area);
    areas.put("security", "security");
    Footprint suggested =
        new Footprint(
            footprint.domain(), footprint.footerName(), new LabelScheme(null, null, null, areas));
    out.println(
        "  your skills use "
            + used.stream().map(a -> LabelScheme.DEFAULT_AREA + a).collect(Collectors.joining(", "))
            + " ("
            + String.join(", ", naming)
            + "): with git.footprint.areas: {\"*\": \""
            + area
            + "\", \"security\": \"security\"} that fix is labelled "
            + String.join(", ", example(suggested))
            + " ("
            + DOCS
            + ")");
  }

  private static Set<String> example(Footprint footprint) {
    return footprint.labels("devops-sre", ChangeType.FIX, "medium", List.of(EXAMPLE_NAMESPACE));
  }

  private static final Pattern AREA_LABEL =
      Pattern.compile(
          "(?<![\\w-])" + Pattern.quote(LabelScheme.DEFAULT_AREA) + "([a-z0-9][a-z0-9._-]{0,40})");

  /**
   * The {@code area:} labels the file's own skills (not the crew's built-in ones) name, in order of
   * skill name then text; the skills naming one are added to {@code naming}.
   */
  private static Set<String> areasInSkills(SkillCatalog skills, Set<String> naming) {
    Set<String> found = new LinkedHashSet<>();
    skills.all().stream()
        .filter(s -> !s.source().startsWith("builtin:"))
        .sorted(Comparator.comparing(Skill::name))
        .forEach(
            s -> {
              String text = (s.description() == null ? "" : s.description()) + "\n" + s.body();
              Matcher m = AREA_LABEL.matcher(text);
              while (m.find()) {
                found.add(m.group(1).replaceAll("[._-]+$", ""));
                naming.add(s.name());
              }
            });
    return found;
  }
}
