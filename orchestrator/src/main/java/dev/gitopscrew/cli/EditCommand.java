package dev.gitopscrew.cli;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.request.Edit;
import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.request.Labels;
import dev.gitopscrew.request.ObjectRef;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew edit}: software-engineer finds the manifest in the repository, changes only the
 * intended lines and opens the change.
 */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Edit one manifest in a repository and open the change as a pull request.",
      "The object is found by kind, name and namespace across the repository (Kustomize trees,"
          + " multi-document files); only the intended lines change."
    })
final class EditCommand extends RequestCommand {

  @Option(names = "--repo", required = true, paramLabel = "NAME", description = "repository name")
  String repo;

  @Parameters(index = "0", paramLabel = "KIND/NAME", description = "e.g. deployment/whoami")
  String object;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "the object's namespace")
  String namespace;

  @ArgGroup(multiplicity = "1")
  What what;

  /** Exactly one edit per command. */
  static final class What {
    @Option(names = "--image", paramLabel = "CONTAINER=IMAGE", description = "a container's image")
    String image;

    @Option(names = "--replicas", paramLabel = "N", description = "the replica count")
    String replicas;

    @Option(
        names = "--env",
        paramLabel = "CONTAINER:VAR=VALUE",
        description = "a literal environment variable")
    String env;

    @Option(
        names = "--limits",
        paramLabel = "CONTAINER:cpu=…,memory=…",
        description = "resource limits")
    String limits;

    @Option(
        names = "--helm-value",
        paramLabel = "KEY=VALUE",
        description = "a key of an Argo CD Application's Helm valuesObject (dotted path)")
    String helmValue;
  }

  @Option(names = "--issue", paramLabel = "N", description = "adopt this issue")
  Integer issue;

  @Option(names = "--type", paramLabel = "T", description = "change type (default chore)")
  String type;

  @picocli.CommandLine.Mixin LabelOptions labels;

  @Option(names = "--dry-run", description = "write nothing; show the diff and what it would do")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Edit edit;
    try {
      EditOperation operation =
          what.image != null
              ? EditOperation.parse("image", what.image)
              : what.replicas != null
                  ? EditOperation.parse("replicas", what.replicas)
                  : what.env != null
                      ? EditOperation.parse("env", what.env)
                      : what.limits != null
                          ? EditOperation.parse("limits", what.limits)
                          : EditOperation.parse("helm-value", what.helmValue);
      edit =
          new Edit(
              repo,
              ObjectRef.parse(object, namespace),
              operation,
              issue,
              type == null ? null : ChangeType.parse(type),
              dryRun,
              Labels.parse(labels.joined(), labels.breaking));
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(edit, Optional.empty(), yes));
  }
}
