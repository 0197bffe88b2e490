package dev.gitopscrew.intake;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Validate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directories of this machine a request from outside may name (a scan or a validation of a
 * local folder): under the state directory or an agent's configured {@code workspace}. Only a
 * person at the command line names any folder; a caller of the API, Discord or a pull request
 * cannot have the crew read {@code /etc}.
 */
public record LocalDirectories(List<Path> roots) {

  public LocalDirectories {
    roots = List.copyOf(roots);
  }

  public static LocalDirectories of(Path stateDir, CrewConfig config) {
    List<Path> roots = new ArrayList<>(List.of(stateDir));
    Stream.concat(config.agents().list().stream(), config.agents().entries().values().stream())
        .map(CrewConfig.AgentEntry::workspace)
        .filter(Objects::nonNull)
        .filter(w -> !w.isBlank())
        .map(
            w ->
                w.startsWith("~/")
                    ? Path.of(System.getProperty("user.home"), w.substring(2))
                    : Path.of(w))
        .forEach(roots::add);
    return new LocalDirectories(
        roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList());
  }

  /** Why {@code request} may not run from outside the command line, if it names another folder. */
  public Optional<String> refusal(Request request) {
    String directory =
        request instanceof Scan scan
            ? scan.directory()
            : request instanceof Validate validate ? validate.directory() : null;
    if (directory == null) {
      return Optional.empty();
    }
    Path wanted = Path.of(directory).toAbsolutePath().normalize();
    if (roots.stream().anyMatch(wanted::startsWith)) {
      return Optional.empty();
    }
    return Optional.of(
        "only the command line names any folder of this machine; a request from here may name"
            + " a configured repository, or a folder under the state directory or an agent's"
            + " workspace");
  }
}
