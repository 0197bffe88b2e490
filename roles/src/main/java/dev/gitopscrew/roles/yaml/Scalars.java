package dev.gitopscrew.roles.yaml;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Writes a value as a YAML scalar that reads back as intended: plain where that is safe, quoted
 * where a plain scalar would change type ({@code 1.10} would be the number 1.1) or break the line.
 */
public final class Scalars {

  /** What a value must read back as. */
  public enum Type {
    /** a string: {@code "8080"} stays a string */
    STRING,
    /** a whole number */
    INTEGER,
    /** a Kubernetes quantity: a string or a number, as written ({@code 500m}, {@code 1}) */
    QUANTITY,
    /**
     * whatever the text says in YAML, as long as it reads back as written ({@code true}, {@code 2})
     */
    AS_WRITTEN,
    /** a flow collection such as {@code [ALL]}, inserted as written */
    FLOW
  }

  private Scalars() {}

  /**
   * The scalar text for {@code value}: in the quoting {@code style} of the value it replaces when
   * that was quoted, otherwise plain when plain reads back as intended, otherwise double-quoted.
   */
  public static String render(String value, Type type, char style, boolean flow) {
    if (type == Type.FLOW) {
      return value;
    }
    if (style == '"') {
      return doubleQuoted(value);
    }
    if (style == '\'' && value.chars().noneMatch(c -> c < 0x20)) {
      return "'" + value.replace("'", "''") + "'";
    }
    if (plainReadsBack(value, type, flow)) {
      return value;
    }
    return doubleQuoted(value);
  }

  public static String doubleQuoted(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean plainReadsBack(String value, Type type, boolean flow) {
    if (value.isEmpty() || !value.equals(value.strip()) || value.contains("\n")) {
      return false;
    }
    Object read;
    try {
      Yaml yaml = new Yaml(new LoaderOptions());
      if (flow) {
        List<?> list = (List<?>) yaml.load("[" + value + "]");
        if (list.size() != 1) {
          return false;
        }
        read = list.get(0);
      } else {
        read = ((Map<?, ?>) yaml.load("k: " + value)).get("k");
      }
    } catch (YAMLException | ClassCastException e) {
      return false;
    }
    return switch (type) {
      case STRING -> value.equals(read);
      case INTEGER -> read instanceof Integer || read instanceof Long;
      case QUANTITY, AS_WRITTEN, FLOW ->
          read != null
              && (read instanceof String || read instanceof Number || read instanceof Boolean)
              && value.equals(String.valueOf(read));
    };
  }

  /** The type a replaced value keeps: a string stays a string, anything else reads as written. */
  public static Type typeOf(YamlNode.Scalar scalar) {
    if (scalar.style() != YamlNode.Scalar.PLAIN) {
      return Type.STRING;
    }
    return plainReadsBack(scalar.value(), Type.STRING, false) ? Type.STRING : Type.AS_WRITTEN;
  }
}
