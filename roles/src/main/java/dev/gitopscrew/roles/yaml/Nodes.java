package dev.gitopscrew.roles.yaml;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading a {@link YamlNode} tree the way Kubernetes reads YAML: a path of keys, a scalar's text, a
 * plain {@code true}/{@code false}. Aliases are not followed; a value behind one reads as absent.
 */
public final class Nodes {

  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "Yes", "on", "On");
  private static final Set<String> FALSE =
      Set.of("false", "False", "FALSE", "no", "No", "off", "Off");

  private Nodes() {}

  /** The node at {@code keys} under {@code node}, if every key is there. */
  public static Optional<YamlNode> at(YamlNode node, String... keys) {
    YamlNode at = node;
    for (String key : keys) {
      if (!(at instanceof YamlNode.Mapping m)) {
        return Optional.empty();
      }
      at = m.get(key).orElse(null);
      if (at == null) {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  /** The entry (key and value) for the last of {@code keys}, for the key's line. */
  public static Optional<YamlNode.Entry> entry(YamlNode node, String... keys) {
    if (keys.length == 0) {
      return Optional.empty();
    }
    String[] parent = java.util.Arrays.copyOf(keys, keys.length - 1);
    return at(node, parent)
        .flatMap(
            p ->
                p instanceof YamlNode.Mapping m
                    ? m.entry(keys[keys.length - 1])
                    : Optional.empty());
  }

  public static Optional<YamlNode.Mapping> mapping(YamlNode node, String... keys) {
    return at(node, keys).flatMap(n -> n instanceof YamlNode.Mapping m ? Optional.of(m) : none());
  }

  public static List<YamlNode> items(YamlNode node, String... keys) {
    return at(node, keys)
        .map(n -> n instanceof YamlNode.Sequence s ? s.items() : List.<YamlNode>of())
        .orElse(List.of());
  }

  /** The text of a non-null scalar at {@code keys}. */
  public static Optional<String> text(YamlNode node, String... keys) {
    return at(node, keys).flatMap(Nodes::text);
  }

  /** The text of a node that is a non-null scalar. */
  public static Optional<String> text(YamlNode node) {
    return node instanceof YamlNode.Scalar s && !s.isNull() ? Optional.of(s.value()) : none();
  }

  /** A plain boolean at {@code keys}: empty when absent or not a boolean. */
  public static Optional<Boolean> bool(YamlNode node, String... keys) {
    return at(node, keys)
        .flatMap(
            n -> {
              if (n instanceof YamlNode.Scalar s && s.style() == YamlNode.Scalar.PLAIN) {
                if (TRUE.contains(s.value())) {
                  return Optional.of(true);
                }
                if (FALSE.contains(s.value())) {
                  return Optional.of(false);
                }
              }
              return none();
            });
  }

  public static boolean isTrue(YamlNode node, String... keys) {
    return bool(node, keys).orElse(false);
  }

  /** The 1-based line a node starts on. */
  public static int line(YamlNode node) {
    return node.line() + 1;
  }

  private static <T> Optional<T> none() {
    return Optional.empty();
  }
}
