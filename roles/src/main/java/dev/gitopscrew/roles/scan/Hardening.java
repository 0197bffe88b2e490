package dev.gitopscrew.roles.scan;

import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.roles.yaml.LineDiff;
import dev.gitopscrew.roles.yaml.Scalars;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlEditor;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The fixes a scan can make mechanically, made the way edits are: each key inserted as a new line
 * at the indentation around it, every other byte of the file kept, and the result read back as
 * exactly the old documents plus those keys. A file where that does not hold is left alone.
 */
final class Hardening {

  /**
   * The new text of each fixed file, the findings fixed, what could not be fixed and why, and the
   * diff.
   */
  record Result(
      Map<String, String> files, List<ScanFinding> fixed, List<String> skipped, String diff) {

    boolean isEmpty() {
      return files.isEmpty();
    }
  }

  /** The order the keys are added in, as people usually write them. */
  private static final List<String> KEY_ORDER =
      List.of("allowPrivilegeEscalation", "runAsNonRoot", "readOnlyRootFilesystem", Fix.DROP);

  private Hardening() {}

  static Result of(RepositoryFiles files, List<Hit> fixable) {
    Map<String, List<Hit>> byFile = new LinkedHashMap<>();
    fixable.stream()
        .sorted(
            java.util.Comparator.comparingInt((Hit h) -> h.fix().document())
                .thenComparing(h -> h.fix().at().toString())
                .thenComparingInt(h -> KEY_ORDER.indexOf(h.fix().key())))
        .forEach(h -> byFile.computeIfAbsent(h.fix().path(), p -> new ArrayList<>()).add(h));
    Map<String, String> changed = new LinkedHashMap<>();
    List<ScanFinding> fixed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    StringBuilder diff = new StringBuilder();
    byFile.forEach(
        (path, hits) -> {
          String before = files.readText(path).orElse("");
          String text = before;
          List<Hit> applied = new ArrayList<>();
          for (Hit hit : hits) {
            try {
              text = apply(text, hit.fix());
              applied.add(hit);
            } catch (YamlEditor.Refused
                | YamlDocuments.Invalid
                | IllegalStateException
                | IndexOutOfBoundsException e) {
              skipped.add(
                  hit.finding().where() + " " + hit.fix().describe() + ": " + e.getMessage());
            }
          }
          if (applied.isEmpty() || text.equals(before)) {
            return;
          }
          if (!readsBack(before, text, applied)) {
            skipped.add(path + ": the fixes would change more than the keys they add; left alone");
            return;
          }
          changed.put(path, text);
          applied.forEach(h -> fixed.add(h.finding()));
          diff.append(diff.length() == 0 ? "" : "\n").append(LineDiff.unified(path, before, text));
        });
    return new Result(changed, fixed, skipped, diff.toString());
  }

  /** Adds the fix's key to the container it names, parsing the text as it is now. */
  private static String apply(String text, Fix fix) {
    YamlNode node = YamlDocuments.parse(text).get(fix.document());
    for (Object step : fix.at()) {
      if (step instanceof String key && node instanceof YamlNode.Mapping m) {
        node = m.get(key).orElseThrow(() -> new IllegalStateException("no " + key));
      } else if (step instanceof Integer index && node instanceof YamlNode.Sequence s) {
        node = s.items().get(index);
      } else {
        throw new IllegalStateException("the container moved");
      }
    }
    if (!(node instanceof YamlNode.Mapping container)) {
      throw new IllegalStateException("the container is not a mapping");
    }
    YamlEditor editor = new YamlEditor(text);
    if (fix.key().equals(Fix.DROP)) {
      editor.put(
          container,
          List.of("securityContext", "capabilities", "drop"),
          "[ALL]",
          Scalars.Type.FLOW);
    } else {
      editor.put(
          container,
          List.of("securityContext", fix.key()),
          fix.key().equals("allowPrivilegeEscalation") ? "false" : "true",
          Scalars.Type.AS_WRITTEN);
    }
    return editor.result();
  }

  /** The new text is the old documents with exactly the fixes' keys added. */
  @SuppressWarnings("unchecked")
  private static boolean readsBack(String before, String after, List<Hit> applied) {
    try {
      return readsBack(load(before), load(after), applied);
    } catch (YAMLException
        | ClassCastException
        | IndexOutOfBoundsException
        | NullPointerException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean readsBack(List<Object> old, List<Object> now, List<Hit> applied) {
    if (old.size() != now.size()) {
      return false;
    }
    for (Hit hit : applied) {
      Fix fix = hit.fix();
      Object node = old.get(fix.document());
      for (Object step : fix.at()) {
        node =
            step instanceof String key
                ? ((Map<String, Object>) node).get(key)
                : ((List<Object>) node).get((Integer) step);
      }
      Map<String, Object> sc =
          (Map<String, Object>)
              ((Map<String, Object>) node)
                  .computeIfAbsent("securityContext", k -> new LinkedHashMap<>());
      if (fix.key().equals(Fix.DROP)) {
        ((Map<String, Object>) sc.computeIfAbsent("capabilities", k -> new LinkedHashMap<>()))
            .put("drop", List.of("ALL"));
      } else {
        sc.put(fix.key(), !fix.key().equals("allowPrivilegeEscalation"));
      }
    }
    return old.equals(now);
  }

  private static List<Object> load(String text) {
    List<Object> documents = new ArrayList<>();
    for (Object doc : new Yaml(new LoaderOptions()).loadAll(new StringReader(text))) {
      documents.add(doc);
    }
    return documents;
  }
}
