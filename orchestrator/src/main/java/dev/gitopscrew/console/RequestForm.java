package dev.gitopscrew.console;

import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.RequestKind;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request kind's form, generated from its catalogue entry: one input per typed field (text,
 * number, checkbox, choice or {@code KEY=VALUE} lines), and the values a submitted form carries,
 * typed as the catalogue takes them. The catalogue validates; the form only converts.
 */
public record RequestForm(RequestKind kind, List<Input> inputs, boolean hasDryRun) {

  static final String PREFIX = "f.";
  static final String DRY_RUN = "dryRun";

  /** One input of the form, with the value it shows. */
  public record Input(
      String name,
      String label,
      String control,
      boolean required,
      String help,
      String example,
      List<String> choices,
      Integer min,
      Integer max,
      String value) {

    public String param() {
      return PREFIX + name;
    }

    public boolean checked() {
      return "on".equals(value) || "true".equals(value);
    }
  }

  static RequestForm of(RequestKind kind, MultivaluedMap<String, String> values) {
    List<Input> inputs =
        kind.fields().stream()
            .filter(f -> !f.name().equals(DRY_RUN))
            .map(f -> input(f, values == null ? null : values.getFirst(PREFIX + f.name())))
            .toList();
    return new RequestForm(kind, inputs, kind.field(DRY_RUN).isPresent());
  }

  private static Input input(Field f, String value) {
    String control =
        switch (f.type()) {
          case INTEGER -> "number";
          case BOOLEAN -> "checkbox";
          case CHOICE -> "select";
          case PAIRS -> "textarea";
          default -> "text";
        };
    return new Input(
        f.name(),
        f.label(),
        control,
        f.required(),
        f.help(),
        f.example(),
        f.choices(),
        f.min(),
        f.max(),
        value == null ? "" : value);
  }

  /** The submitted values as the catalogue's typed door takes them; blanks are left out. */
  Map<String, Object> typed(boolean dryRun) {
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Input in : inputs) {
      Field f = kind.field(in.name()).orElseThrow();
      String v = in.value().strip();
      if (f.type() == Field.Type.BOOLEAN) {
        if (in.checked()) {
          typed.put(f.name(), true);
        }
      } else if (!v.isEmpty()) {
        typed.put(f.name(), f.type() == Field.Type.INTEGER ? number(v) : text(f, in.value()));
      }
    }
    if (hasDryRun && dryRun) {
      typed.put(DRY_RUN, true);
    }
    return typed;
  }

  private static Object number(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return v; // the catalogue says it must be a number
    }
  }

  /** A word or text as typed; {@code KEY=VALUE} lines of a text area as the catalogue's pairs. */
  private static Object text(Field f, String v) {
    if (f.type() != Field.Type.PAIRS) {
      return v.strip();
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String line : v.split("\\R")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        pairs.put(line.substring(0, eq).strip(), line.substring(eq + 1));
      } else if (!line.isBlank()) {
        return v; // not KEY=VALUE: the catalogue says what it takes
      }
    }
    return pairs;
  }
}
