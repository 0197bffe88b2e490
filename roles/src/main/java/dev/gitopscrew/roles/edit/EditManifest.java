package dev.gitopscrew.roles.edit;

import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.request.Edit;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.change.OpenChange;
import dev.gitopscrew.roles.yaml.LineDiff;
import dev.gitopscrew.roles.yaml.YamlEditor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * software-engineer: finds the manifest an edit names in the repository's default branch, changes
 * only the intended lines, checks the file still parses and reads back as exactly the intended
 * change, and opens it through the Git workflow. An edit matching no object or several, or one the
 * file's shape does not allow, is refused and nothing is written.
 */
public final class EditManifest implements Action<Edit> {

  private final Changes changes;

  public EditManifest(Changes changes) {
    this.changes = changes;
  }

  @Override
  public Class<Edit> handles() {
    return Edit.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.GIT_CHANGE);
  }

  @Override
  public String run(Edit edit, ActionContext context) {
    OpenChange.requireRepository(changes, edit.repository());
    RepositoryFiles files = changes.defaultBranch(edit.repository());
    Edited edited = edit(files, edit);
    ChangeRequest request =
        new ChangeRequest(
            edit.repository(),
            edit.type(),
            "Set "
                + edit.operation().describe()
                + " on "
                + edited.object().kind().toLowerCase(java.util.Locale.ROOT)
                + "/"
                + edited.object().name(),
            edit.issue(),
            context.agent().id(),
            Map.of(edited.object().path(), edited.text().getBytes(StandardCharsets.UTF_8)),
            edited.summary() + "\n\n```diff\n" + edited.diff() + "\n```",
            null,
            area(edited.object()),
            edit.labels());
    ChangeOutcome outcome = changes.run(request, context.effects());
    Manifests.Found object = edited.object();
    context.data(
        new EditData(
            object.path(),
            object.root().line() + 1,
            object.kind(),
            object.name(),
            object.namespace(),
            edited.diff(),
            outcome));
    return edited.summary() + "\n" + edited.diff() + "\n" + OpenChange.describe(outcome);
  }

  /** What an edit did, for the API and {@code --json}. */
  public record EditData(
      String path,
      int line,
      String kind,
      String name,
      String namespace,
      String diff,
      ChangeOutcome change) {}

  /** An edit made in memory: the object, the new text of its file, what changed and the diff. */
  record Edited(Manifests.Found object, String text, String summary, String diff) {}

  /** Finds the object and edits its file; nothing is written. */
  static Edited edit(RepositoryFiles files, Edit edit) {
    Manifests manifests = Manifests.of(files);
    List<Manifests.Found> found = manifests.find(edit.target());
    String where = edit.target().describe() + " in " + edit.repository();
    if (found.isEmpty()) {
      throw new ActionFailedException(
          "no object "
              + where
              + " (searched "
              + manifests.searched()
              + " YAML files at "
              + files.commit().substring(0, 12)
              + "); nothing changed");
    }
    if (found.size() > 1) {
      throw new ActionFailedException(
          where
              + " matches "
              + found.size()
              + " objects: "
              + found.stream().map(Manifests.Found::describe).collect(Collectors.joining(", "))
              + "; name the namespace (-n) to pick one; nothing changed");
    }
    Manifests.Found object = found.get(0);
    String before = files.readText(object.path()).orElseThrow();
    String after;
    String what;
    try {
      YamlEditor editor = new YamlEditor(before);
      what = ManifestEdit.apply(editor, object, edit.operation());
      after = editor.result();
    } catch (YamlEditor.Refused e) {
      throw new ActionFailedException(
          "cannot edit " + object.describe() + ": " + e.getMessage() + "; nothing changed");
    }
    if (after.equals(before)) {
      throw new ActionFailedException(
          object.describe()
              + " already has "
              + edit.operation().describe()
              + "; nothing to change");
    }
    ReadBack.check(before, after, object, edit.operation());
    String summary =
        object.path()
            + ":"
            + (object.root().line() + 1)
            + " "
            + object.kind()
            + " "
            + object.name()
            + ": "
            + what;
    return new Edited(object, after, summary, LineDiff.unified(object.path(), before, after));
  }

  private static List<String> area(Manifests.Found object) {
    String ns = object.namespace();
    return ns != null && ns.matches("[a-z0-9][a-z0-9._-]{0,40}") ? List.of(ns) : List.of("gitops");
  }
}
