package dev.gitopscrew.roles.edit;

import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.roles.ActionFailedException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The check before an edit is committed: the new text parses, has the same documents, and reads
 * back as the old one with exactly the intended change applied.
 */
final class ReadBack {

  private ReadBack() {}

  @SuppressWarnings("unchecked")
  static void check(String before, String after, Manifests.Found object, EditOperation operation) {
    List<Object> old = load(before, "the file as it is");
    List<Object> now;
    try {
      now = load(after, "the edited file");
    } catch (ActionFailedException e) {
      throw new ActionFailedException(
          "the edit of " + object.describe() + " would not be valid YAML; nothing changed");
    }
    if (old.size() != now.size()) {
      throw new ActionFailedException(
          "the edit of "
              + object.describe()
              + " would change the number of documents; nothing changed");
    }
    Object expected = normalise(old.get(object.document()));
    ManifestEdit.expect(
        (Map<String, Object>) expected, object.kind().toLowerCase(Locale.ROOT), operation);
    for (int i = 0; i < old.size(); i++) {
      Object want = i == object.document() ? normalise(expected) : normalise(old.get(i));
      if (!want.equals(normalise(now.get(i)))) {
        throw new ActionFailedException(
            "the edit of "
                + object.describe()
                + " would change more than "
                + operation.describe()
                + "; nothing changed");
      }
    }
  }

  private static List<Object> load(String text, String what) {
    List<Object> documents = new ArrayList<>();
    try {
      for (Object doc : new Yaml(new LoaderOptions()).loadAll(new StringReader(text))) {
        documents.add(doc);
      }
    } catch (YAMLException e) {
      throw new ActionFailedException(what + " is not valid YAML: " + e.getMessage());
    }
    return documents;
  }

  /**
   * A copy that compares by meaning: numbers and booleans by their text, since a quantity may be
   * written {@code 1} or {@code "1"}; maps and lists copied so they can be changed.
   */
  private static Object normalise(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(normalise(v)));
      return out;
    }
    return value == null ? "" : String.valueOf(value);
  }
}
