package dev.gitopscrew.roles.yaml;

import java.util.List;

/** A unified diff of two versions of one file, as one hunk around what changed. */
public final class LineDiff {

  private LineDiff() {}

  public static String unified(String path, String before, String after) {
    List<String> a = List.of(before.split("\n", -1));
    List<String> b = List.of(after.split("\n", -1));
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
    int removed = a.size() - prefix - suffix;
    int added = b.size() - prefix - suffix;
    out.append("@@ -")
        .append(prefix + 1)
        .append(',')
        .append(removed)
        .append(" +")
        .append(prefix + 1)
        .append(',')
        .append(added)
        .append(" @@\n");
    for (int i = prefix; i < prefix + removed; i++) {
      out.append('-').append(a.get(i)).append('\n');
    }
    for (int i = prefix; i < prefix + added; i++) {
      out.append('+').append(b.get(i)).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
