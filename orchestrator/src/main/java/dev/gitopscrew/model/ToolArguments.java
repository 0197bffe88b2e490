package dev.gitopscrew.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.request.BadRequestException;
import java.util.List;

/** A call's arguments, read strictly: a missing or mistyped value is a clear error. */
public final class ToolArguments {
  private final JsonNode node;

  ToolArguments(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new BadRequestException("the arguments must be a JSON object");
    }
    this.node = node;
  }

  public String text(String name) {
    String value = optText(name);
    if (value == null) {
      throw new BadRequestException("missing argument '" + name + "'");
    }
    return value;
  }

  public String optText(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    if (!v.isTextual()) {
      throw new BadRequestException("argument '" + name + "' must be a string");
    }
    return v.asText().strip();
  }

  public String oneOf(String name, String... allowed) {
    String value = text(name);
    if (!List.of(allowed).contains(value)) {
      throw new BadRequestException(
          "argument '" + name + "' must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  public int number(String name) {
    Integer value = optNumber(name);
    if (value == null) {
      throw new BadRequestException("missing argument '" + name + "'");
    }
    return value;
  }

  public Integer optNumber(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new BadRequestException("argument '" + name + "' must be a whole number");
    }
    return v.asInt();
  }

  public boolean flag(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new BadRequestException("argument '" + name + "' must be true or false");
    }
    return v.asBoolean();
  }
}
