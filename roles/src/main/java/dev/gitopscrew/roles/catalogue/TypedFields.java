package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.request.BadRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads typed values (a JSON object's members, a slash command's options, CLI options) into a
 * kind's fields: every name must be a field, every value of the field's type, every required field
 * present. Nothing is coerced: a number where a word is expected is an error.
 */
final class TypedFields {

  private TypedFields() {}

  static Values read(RequestKind kind, Map<String, ?> given, Map<Field.Context, Object> place) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : given.entrySet()) {
      Field f =
          kind.fields().stream()
              .filter(x -> x.name().equals(e.getKey()) || x.optionName().equals(e.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "'"
                              + dev.gitopscrew.request.Quote.bounded(e.getKey())
                              + "' is not a field of "
                              + kind.name()
                              + "; its fields are "
                              + kind.fields().stream().map(Field::name).toList()));
      boolean blank = e.getValue() instanceof String s && s.isBlank();
      if (e.getValue() != null && !(blank && !f.required())) {
        values.put(f.name(), typed(f, e.getValue()));
      }
    }
    for (Field f : kind.fields()) {
      Object supplied = place.get(f.context());
      if (supplied != null && !values.containsKey(f.name())) {
        values.put(f.name(), supplied);
      }
      if (f.required() && !values.containsKey(f.name())) {
        throw new BadRequestException(
            kind.name() + " needs '" + f.name() + "' (" + f.help() + "), like: " + kind.example());
      }
    }
    return new Values(values);
  }

  private static Object typed(Field f, Object value) {
    return switch (f.type()) {
      case INTEGER -> {
        if (!(value instanceof Integer || value instanceof Long)) {
          throw wrongType(f, "a number", value);
        }
        yield LineGrammar.number(f, String.valueOf(((Number) value).longValue()));
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean b)) {
          throw wrongType(f, "true or false", value);
        }
        yield b;
      }
      case PAIRS -> pairs(f, value);
      case CHOICE -> LineGrammar.choice(f, text(f, value));
      default -> text(f, value);
    };
  }

  private static String text(Field f, Object value) {
    if (!(value instanceof String s)) {
      throw wrongType(f, "a string", value);
    }
    if (f.type() == Field.Type.WORD && (s.isBlank() || s.strip().contains(" "))) {
      throw new BadRequestException(f.label() + " is one word, got '" + clip(s) + "'");
    }
    return f.type() == Field.Type.WORD ? s.strip() : s;
  }

  private static Map<String, String> pairs(Field f, Object value) {
    if (value instanceof String s) {
      return LineGrammar.pairs(f, s);
    }
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw wrongType(f, "an object of strings", value);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw wrongType(f, "an object of strings", value);
      }
      out.put(String.valueOf(e.getKey()), s);
    }
    return out;
  }

  private static BadRequestException wrongType(Field f, String expected, Object value) {
    return new BadRequestException(
        f.label() + " must be " + expected + ", got " + clip(String.valueOf(value)));
  }

  private static String clip(String s) {
    return dev.gitopscrew.request.Quote.bounded(s);
  }
}
