package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.request.BadRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed values of one request's fields, however they arrived (words, slash options, JSON): a
 * string, an integer, a boolean or pairs per field name. A kind's descriptor builds its record from
 * them.
 */
public final class Values {

  private final Map<String, Object> values;

  public Values(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public String text(String name) {
    String value = optText(name);
    if (value == null) {
      throw new BadRequestException("'" + name + "' is required");
    }
    return value;
  }

  public String optText(String name) {
    Object value = values.get(name);
    return value == null ? null : value.toString();
  }

  public int number(String name) {
    Integer value = optNumber(name);
    if (value == null) {
      throw new BadRequestException("'" + name + "' is required");
    }
    return value;
  }

  public Integer optNumber(String name) {
    Object value = values.get(name);
    return value == null ? null : (Integer) value;
  }

  public boolean flag(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  @SuppressWarnings("unchecked")
  public Map<String, String> pairs(String name) {
    Object value = values.get(name);
    return value == null ? Map.of() : (Map<String, String>) value;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
