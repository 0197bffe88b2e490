package dev.gitopscrew.roles.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Edits the text of a YAML file in place: replaces one scalar, or inserts a key or a sequence item
 * as new lines at the indentation around it. Everything else (comments, key order, quoting, other
 * documents) stays byte for byte; the caller parses the result again before using it.
 */
public final class YamlEditor {

  /** An edit the file's shape does not allow; the message says why. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  private record Splice(int start, int end, String text) {}

  private final String text;
  private final int indentStep;
  private final List<Splice> splices = new ArrayList<>();

  public YamlEditor(String text) {
    this.text = text;
    this.indentStep = indentStep(text);
  }

  /** Replaces a scalar's value, keeping its quoting style where it was quoted. */
  public void set(YamlNode node, String what, String value, Scalars.Type type) {
    YamlNode.Scalar scalar = scalar(node, what);
    if (scalar.value().equals(value)) {
      return;
    }
    char style = scalar.style() == '|' || scalar.style() == '>' ? '"' : scalar.style();
    splices.add(
        new Splice(scalar.start(), scalar.end(), render(value, type, style, scalar.flow())));
  }

  /**
   * Sets {@code path} (keys, outermost first) under {@code map} to {@code value}: replaces the
   * scalar when the whole path exists, otherwise inserts the missing keys as new lines.
   */
  public void put(YamlNode.Mapping map, List<String> path, String value, Scalars.Type type) {
    YamlNode.Mapping at = map;
    for (int i = 0; i < path.size(); i++) {
      String key = path.get(i);
      if (at.anchor() != null) {
        throw new Refused(
            key
                + " sits in a mapping anchored as &"
                + at.anchor()
                + ", shared through aliases; edit it by hand");
      }
      YamlNode.Entry entry = at.entry(key).orElse(null);
      if (entry == null) {
        insert(at, path.subList(i, path.size()), value, type);
        return;
      }
      YamlNode child = entry.value();
      if (i == path.size() - 1
          && child instanceof YamlNode.Scalar empty
          && empty.isNull()
          && empty.value().isEmpty()) {
        // `key:` with no value: the value goes right after the colon
        int colon = text.indexOf(':', entry.key().end());
        splices.add(
            new Splice(colon + 1, colon + 1, " " + render(value, type, '\0', empty.flow())));
        return;
      }
      if (i == path.size() - 1) {
        set(child, String.join(".", path), value, type);
        return;
      }
      if (child instanceof YamlNode.Scalar s && s.isNull()) {
        throw new Refused(key + " is empty; give it a mapping first");
      }
      at = mapping(child, key);
    }
  }

  /** Appends a mapping item ({@code key: value} pairs, in order) to a sequence. */
  public void append(
      YamlNode.Sequence sequence, Map<String, String> item, Map<String, Scalars.Type> types) {
    if (sequence.anchor() != null) {
      throw new Refused(
          "the list is anchored as &" + sequence.anchor() + " and shared; edit it by hand");
    }
    if (sequence.flow()) {
      StringBuilder flow = new StringBuilder(sequence.items().isEmpty() ? "{" : ", {");
      flowItem(flow, item, types);
      splices.add(new Splice(sequence.end() - 1, sequence.end() - 1, flow.append('}').toString()));
      return;
    }
    int at = lineEnd(lastContent(sequence));
    splices.add(new Splice(at, at, itemLines(sequence.column(), item, types)));
  }

  /** Appends {@code item}'s pairs to a flow mapping being written: {@code a: 1, b: 2}. */
  private static void flowItem(
      StringBuilder flow, Map<String, String> item, Map<String, Scalars.Type> types) {
    int n = 0;
    for (Map.Entry<String, String> e : item.entrySet()) {
      flow.append(n++ == 0 ? "" : ", ")
          .append(e.getKey())
          .append(": ")
          .append(render(e.getValue(), types.get(e.getKey()), '\0', true));
    }
  }

  /** Adds {@code key} to a mapping, holding a list with one mapping item. */
  public void insertList(
      YamlNode.Mapping at, String key, Map<String, String> item, Map<String, Scalars.Type> types) {
    if (at.anchor() != null) {
      throw new Refused(
          "the mapping is anchored as &" + at.anchor() + " and shared; edit it by hand");
    }
    if (at.flow()) {
      StringBuilder flow = new StringBuilder(at.entries().isEmpty() ? "" : ", ");
      flow.append(key).append(": [{");
      flowItem(flow, item, types);
      splices.add(new Splice(at.end() - 1, at.end() - 1, flow.append("}]").toString()));
      return;
    }
    String lines =
        " ".repeat(at.column()) + key + ":\n" + itemLines(at.column() + indentStep, item, types);
    int position = lineEnd(lastContent(at));
    splices.add(new Splice(position, position, prefixNewline(position) + lines));
  }

  /** The edited text. */
  public String result() {
    List<Splice> ordered = new ArrayList<>(splices);
    ordered.sort(Comparator.comparingInt(Splice::start));
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (Splice s : ordered) {
      if (s.start() < from) {
        throw new Refused("two edits touch the same text");
      }
      out.append(text, from, s.start()).append(s.text());
      from = s.end();
    }
    return out.append(text.substring(from)).toString();
  }

  public int indentStep() {
    return indentStep;
  }

  private void insert(YamlNode.Mapping at, List<String> keys, String value, Scalars.Type type) {
    if (at.anchor() != null) {
      throw new Refused(
          "the mapping is anchored as &" + at.anchor() + " and shared; edit it by hand");
    }
    if (at.flow()) {
      String nested = render(value, type, '\0', true);
      for (int i = keys.size() - 1; i > 0; i--) {
        nested = "{" + keys.get(i) + ": " + nested + "}";
      }
      String entry = (at.entries().isEmpty() ? "" : ", ") + keys.get(0) + ": " + nested;
      splices.add(new Splice(at.end() - 1, at.end() - 1, entry));
      return;
    }
    StringBuilder lines = new StringBuilder();
    int column = at.column();
    for (int i = 0; i < keys.size(); i++) {
      lines.append(" ".repeat(column)).append(keys.get(i)).append(':');
      if (i == keys.size() - 1) {
        lines.append(' ').append(render(value, type, '\0', false));
      }
      lines.append('\n');
      column += indentStep;
    }
    int position = lineEnd(lastContent(at));
    splices.add(new Splice(position, position, prefixNewline(position) + lines));
  }

  private String itemLines(
      int dashColumn, Map<String, String> item, Map<String, Scalars.Type> types) {
    StringBuilder lines = new StringBuilder();
    int n = 0;
    for (Map.Entry<String, String> e : item.entrySet()) {
      lines
          .append(" ".repeat(dashColumn))
          .append(n++ == 0 ? "- " : "  ")
          .append(e.getKey())
          .append(": ")
          .append(render(e.getValue(), types.get(e.getKey()), '\0', false))
          .append('\n');
    }
    return lines.toString();
  }

  /** Inserting at the very end of a file without a final newline needs one first. */
  private String prefixNewline(int position) {
    return position == text.length() && !text.endsWith("\n") ? "\n" : "";
  }

  private static String render(String value, Scalars.Type type, char style, boolean flow) {
    return Scalars.render(value, type, style, flow);
  }

  /** The offset of the last character that belongs to a node, comments aside. */
  private static int lastContent(YamlNode node) {
    if (node instanceof YamlNode.Mapping m && !m.flow() && !m.entries().isEmpty()) {
      YamlNode.Entry last = m.entries().get(m.entries().size() - 1);
      return last.value() instanceof YamlNode.Scalar s && s.isNull() && s.value().isEmpty()
          ? last.key().end() + 1
          : Math.max(last.key().end(), lastContent(last.value()));
    }
    if (node instanceof YamlNode.Sequence s && !s.flow() && !s.items().isEmpty()) {
      return lastContent(s.items().get(s.items().size() - 1));
    }
    return node.end();
  }

  /** The offset just after the end of the line that holds {@code offset - 1}. */
  private int lineEnd(int offset) {
    int newline = text.indexOf('\n', Math.max(0, offset - 1));
    return newline < 0 ? text.length() : newline + 1;
  }

  private static YamlNode.Scalar scalar(YamlNode node, String what) {
    if (node instanceof YamlNode.Alias alias) {
      throw new Refused(
          what
              + " is an alias of &"
              + alias.anchor()
              + ", shared with other keys; edit the anchor");
    }
    if (node instanceof YamlNode.Scalar s) {
      if (s.anchor() != null) {
        throw new Refused(
            what
                + " is anchored as &"
                + s.anchor()
                + " and may be shared through aliases; edit it by hand");
      }
      return s;
    }
    throw new Refused(what + " is not a single value");
  }

  private static YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Alias alias) {
      throw new Refused(what + " is an alias of &" + alias.anchor() + "; edit the anchor");
    }
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    throw new Refused(what + " is not a mapping");
  }

  /**
   * The file's indentation step: the smallest indent of a line that is deeper than the one above.
   */
  private static int indentStep(String text) {
    int step = Integer.MAX_VALUE;
    int previous = -1;
    for (String line : text.split("\n")) {
      String body = line.stripLeading();
      if (body.isEmpty() || body.startsWith("#")) {
        continue;
      }
      int indent = line.length() - body.length();
      if (previous >= 0 && indent > previous && !body.startsWith("- ")) {
        step = Math.min(step, indent - previous);
      }
      previous = body.startsWith("- ") ? indent + 2 : indent;
    }
    return step == Integer.MAX_VALUE || step > 8 ? 2 : step;
  }
}
