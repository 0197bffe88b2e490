package dev.gitopscrew.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.cli.CrewCli;
import dev.gitopscrew.cli.ReadmeTour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the documentation, the README, the skills and the messages in the code point a user at
 * exists: every {@code docs/*.md} (and its heading anchor), every relative link, and every {@code
 * crew} command shown in the docs.
 */
class DocsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DOC_REF = Pattern.compile("docs/([a-z0-9-]+\\.md)(#[a-z0-9-]+)?");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:\\s]+)(#[a-z0-9-]+)?\\)");
  // a fence's language may hold digits (json5): read as prose, its closing fence would open one
  private static final Pattern CODE =
      Pattern.compile("```[a-z0-9]*\\n(.*?)```|`([^`\\n]+)`", Pattern.DOTALL);
  private static final Pattern COMMAND =
      Pattern.compile("(?m)(?:^|[\\s(|;&])(?:\\./)?crew ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?");

  private static List<Path> files(String dir, String suffix) throws IOException {
    if (!Files.isDirectory(ROOT.resolve(dir))) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
      return walk.filter(p -> p.toString().endsWith(suffix))
          .filter(p -> !p.toString().contains("/target/"))
          .toList();
    }
  }

  private static List<Path> everything() throws IOException {
    List<Path> all = new ArrayList<>();
    all.add(ROOT.resolve("README.md"));
    all.addAll(files("docs", ".md"));
    all.addAll(files("skills", ".md"));
    for (String module : List.of("orchestrator", "roles", "git-workflow", "release", "incident")) {
      all.addAll(files(module + "/src/main", ".java"));
    }
    return all;
  }

  @Test
  void everyDocumentAndAnchorPointedAtExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : everything()) {
      String text = Files.readString(file);
      Matcher m = DOC_REF.matcher(text);
      while (m.find()) {
        check(ROOT.resolve("docs").resolve(m.group(1)), m.group(2), file, m.group(), missing);
      }
      if (file.toString().endsWith(".md")) {
        Matcher link = LINK.matcher(text);
        while (link.find()) {
          check(
              file.getParent().resolve(link.group(1)), link.group(2), file, link.group(), missing);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyCrewCommandTheDocsShowExists() throws IOException {
    CommandLine cli = CrewCli.commandLine();
    List<Path> docs = new ArrayList<>(files("docs", ".md"));
    docs.add(ROOT.resolve("README.md"));
    List<String> unknown = new ArrayList<>();
    for (Path file : docs) {
      Matcher code = CODE.matcher(Files.readString(file));
      while (code.find()) {
        Matcher m = COMMAND.matcher(code.group(1) != null ? code.group(1) : code.group(2));
        while (m.find()) {
          CommandLine command = cli.getSubcommands().get(m.group(1));
          if (command == null) {
            unknown.add(ROOT.relativize(file) + ": crew " + m.group(1));
          } else if (!command.getSubcommands().isEmpty()
              && m.group(2) != null
              && !command.getSubcommands().containsKey(m.group(2))) {
            unknown.add(ROOT.relativize(file) + ": crew " + m.group(1) + " " + m.group(2));
          }
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  /**
   * docs/requests.md holds the request catalogue as it is: a kind added, changed or dropped without
   * the document fails here, and the expected text is written to orchestrator/target/requests.md to
   * copy between the markers.
   */
  @Test
  void theRequestsDocumentIsTheCatalogue() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/requests.md"));
    String start = "<!-- catalogue: generated from the request catalogue; DocsTest checks it -->\n";
    String end = "<!-- end of the catalogue -->";
    assertThat(doc).contains(start).contains(end);
    String documented = doc.substring(doc.indexOf(start) + start.length(), doc.indexOf(end));
    String expected = dev.gitopscrew.roles.catalogue.RequestCatalogue.standard().markdown();
    Files.writeString(Path.of("target", "requests.md"), expected);
    assertThat(documented)
        .as("docs/requests.md is not the catalogue; orchestrator/target/requests.md is")
        .isEqualTo(expected);
    for (var kind : dev.gitopscrew.roles.catalogue.RequestCatalogue.standard().kinds()) {
      assertThat(documented).contains("### " + kind.name() + "\n");
    }
  }

  /**
   * The README's tour, command by command, is the tour the start-up training runs (and asserts
   * works on a fresh demo, StartupTrainingTest) and bench/run cli times: a command changed in one
   * and not the other (a session number, an option) fails here.
   */
  @Test
  void theReadmesTourIsTheTourTheTrainingRuns() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme);
    String tour = null;
    while (block.find() && tour == null) {
      tour = block.group(1).contains("./crew edit ") ? block.group(1) : null;
    }
    assertThat(tour).as("the README's tour block").isNotNull();
    List<List<String>> shown =
        tour.replace("\\\n", " ")
            .lines()
            .filter(l -> l.startsWith("./crew "))
            .map(l -> words(l).subList(1, words(l).size()))
            .toList();

    assertThat(shown)
        .containsExactlyElementsOf(
            ReadmeTour.steps(Path.of("/tmp/replicas.yaml")).stream()
                .filter(ReadmeTour.Step::shown)
                .map(ReadmeTour.Step::words)
                .toList());
  }

  /**
   * docs/console.md names every page the console serves, and the README leads to it: a page added
   * or moved without the document fails here.
   */
  @Test
  void theConsoleDocumentNamesEveryPage() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/console.md"));
    List<String> pages = new ArrayList<>();
    for (Class<?> page :
        List.of(
            dev.gitopscrew.console.OverviewPage.class,
            dev.gitopscrew.console.SessionsPage.class,
            dev.gitopscrew.console.AuditPage.class,
            dev.gitopscrew.console.IncidentsPage.class,
            dev.gitopscrew.console.ApprovalsPage.class,
            dev.gitopscrew.console.ReleasesPage.class,
            dev.gitopscrew.console.RequestsPage.class,
            dev.gitopscrew.console.AgentsPage.class)) {
      pages.add(page.getAnnotation(jakarta.ws.rs.Path.class).value());
    }
    assertThat(pages).allSatisfy(p -> assertThat(doc).contains("| `" + p + "` |"));
    assertThat(doc).contains("`/console/sessions/ID`").contains("`/console/incidents/ID`");
    assertThat(doc).contains("/console/login").contains("crew console logout-all");
    assertThat(Files.readString(ROOT.resolve("README.md")))
        .contains("docs/console.md")
        .contains("http://127.0.0.1:18789/");
  }

  /** A shell line's words: quotes group and are dropped, a word starting with # ends the line. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private static void check(Path target, String anchor, Path from, String ref, List<String> missing)
      throws IOException {
    String where = ROOT.relativize(from) + " -> " + ref;
    if (!Files.exists(target)) {
      missing.add(where);
    } else if (anchor != null && !anchors(target).contains(anchor.substring(1))) {
      missing.add(where + " (no such heading)");
    }
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces as dashes. */
  private static Set<String> anchors(Path markdown) throws IOException {
    return Files.readAllLines(markdown).stream()
        .filter(l -> l.startsWith("#"))
        .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT))
        .map(l -> l.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
        .collect(Collectors.toSet());
  }
}
