package dev.gitopscrew.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** The line of every value in a configuration file, by path ({@code agents.list[2].id}). */
final class LineIndex {

  private final Map<String, Integer> lines;

  private LineIndex(Map<String, Integer> lines) {
    this.lines = lines;
  }

  static LineIndex of(Path file, ObjectMapper mapper) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = mapper.getFactory().createParser(file.toFile())) {
      Deque<String> stack = new ArrayDeque<>();
      Deque<Integer> indexes = new ArrayDeque<>();
      String pendingName = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          pendingName = p.currentName();
          continue;
        }
        String here = child(stack, indexes, pendingName);
        pendingName = null;
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && here != null) {
          lines.putIfAbsent(here, p.currentTokenLocation().getLineNr());
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          stack.push(here == null ? "" : here);
          indexes.push(t == JsonToken.START_ARRAY ? 0 : -1);
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          stack.pop();
          indexes.pop();
        }
      }
    } catch (IOException e) {
      // the loader already parsed this file; an index without lines still names paths
    }
    return new LineIndex(lines);
  }

  private static String child(Deque<String> stack, Deque<Integer> indexes, String name) {
    if (stack.isEmpty()) {
      return "";
    }
    String parent = stack.peek();
    int index = indexes.peek();
    if (index >= 0) {
      indexes.pop();
      indexes.push(index + 1);
      return parent + "[" + index + "]";
    }
    if (name == null) {
      return null;
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** The line of {@code path}, else of its nearest ancestor that has one, else 0. */
  int lineOf(String path) {
    for (String p = path; ; ) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return lines.getOrDefault("", 0);
      }
      p = p.substring(0, cut);
    }
  }
}
