package dev.gitopscrew.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The longest value each field of an API body takes, checked where the body enters: a longer one is
 * a 400 naming the field and its limit, never a store error later.
 */
final class FieldLimits {

  static final int REQUESTER = 128;
  static final int AGENT = 64;
  static final int TEXT = 4000;
  static final int REASON = 1024;

  /** A string inside a typed request; file contents are bounded by the body's limit alone. */
  static final int REQUEST_STRING = 65_536;

  private FieldLimits() {}

  /** The reason {@code value} is refused, if it is longer than {@code longest}. */
  static Optional<String> check(String field, String value, int longest) {
    if (value == null || value.length() <= longest) {
      return Optional.empty();
    }
    return Optional.of(
        "'" + field + "' is " + value.length() + " characters long; it takes at most " + longest);
  }

  /** The first over-long string of a typed request, outside its {@code files}. */
  static Optional<String> check(String field, JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return check(field, node.asText(), REQUEST_STRING);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> refused = check(field + "[" + i + "]", node.get(i));
        if (refused.isPresent()) {
          return refused;
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (field.equals("request") && e.getKey().equals("files")) {
        continue;
      }
      Optional<String> refused = check(field + "." + e.getKey(), e.getValue());
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /** The first refusal of several checks. */
  @SafeVarargs
  static Optional<String> first(Optional<String>... checks) {
    for (Optional<String> c : checks) {
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }
}
