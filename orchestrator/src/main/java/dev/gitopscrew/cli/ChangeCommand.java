package dev.gitopscrew.cli;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.request.Change;
import dev.gitopscrew.request.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crew change}: files to a pull request, as a request to software-engineer (issue, branch,
 * commit, push, pull request).
 */
@Command(
    name = "change",
    mixinStandardHelpOptions = true,
    description =
        "Hand a change to software-engineer: issue, branch, commit, push and pull request.")
final class ChangeCommand extends RequestCommand {

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "NAME",
      description = "repository name (git.repositories; 'demo' by default)")
  String repo;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "T",
      description = "feat, fix, chore, docs, refactor or security")
  String type;

  @Option(
      names = "--title",
      required = true,
      paramLabel = "TEXT",
      description = "issue and pull request title")
  String title;

  @Option(
      names = "--issue",
      paramLabel = "N",
      description = "adopt this issue instead of finding or creating one")
  Integer issue;

  @Option(
      names = "--agent",
      paramLabel = "ID",
      description = "the agent expected to act (a change is software-engineer's work)")
  String agent;

  @Option(
      names = "--summary",
      paramLabel = "TEXT",
      description = "what the change does and why (default: the title)")
  String summary;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "PATH=LOCALFILE",
      description = "set PATH in the repository to the content of LOCALFILE; repeatable")
  List<String> files;

  @picocli.CommandLine.Mixin LabelOptions labels;

  @Option(names = "--dry-run", description = "write nothing; say what the change would do")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (String spec : files) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        err().println("error: --file takes PATH=LOCALFILE, got '" + spec + "'");
        return CrewCli.USAGE;
      }
      Path local = Path.of(spec.substring(eq + 1));
      if (!Files.isRegularFile(local)) {
        err().println("error: cannot read " + local + " (for --file " + spec + ")");
        return CrewCli.USAGE;
      }
      try {
        content.put(spec.substring(0, eq), Files.readAllBytes(local));
      } catch (IOException e) {
        err().println("error: cannot read " + local + ": " + e.getMessage());
        return CrewCli.USAGE;
      }
    }
    Change change;
    try {
      change =
          new Change(
              repo,
              ChangeType.parse(type),
              title,
              issue,
              content,
              summary,
              dryRun,
              Labels.parse(labels.joined(), labels.breaking));
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(change, Optional.ofNullable(agent), yes));
  }
}
