package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Quote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the words after a kind's name into its fields' values: keywords and flags anywhere,
 * positional words in order, a {@code REPO#N} word filling the repository and the pull request, and
 * free text taking the rest of the line. Values the place supplies (a pull request's repository and
 * number) fill the fields not written.
 */
final class LineGrammar {

  private LineGrammar() {}

  static Values read(RequestKind kind, List<String> words, Map<Field.Context, Object> place) {
    boolean[] used = new boolean[words.size()];
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : kind.fields()) {
      if (f.syntax() == Field.Syntax.KEYWORD) {
        keyword(kind, f, words, used, values);
      } else if (f.syntax() == Field.Syntax.FLAG) {
        for (int i = 0; i < words.size(); i++) {
          if (!used[i]
              && (words.get(i).equals(f.keyword()) || f.aliases().contains(words.get(i)))) {
            used[i] = true;
            values.put(f.name(), true);
          }
        }
      }
    }
    int next = 0;
    for (Field f : kind.fields()) {
      if (f.syntax() != Field.Syntax.POSITIONAL || values.containsKey(f.name())) {
        continue;
      }
      if (place.containsKey(f.context())) {
        continue; // the place says it (this pull request's repository)
      }
      while (next < words.size() && used[next]) {
        next++;
      }
      if (next >= words.size()) {
        if (f.required()) {
          throw new BadRequestException(kind.usage());
        }
        continue;
      }
      if (f.type() == Field.Type.TEXT) {
        StringBuilder rest = new StringBuilder();
        for (; next < words.size(); next++) {
          if (!used[next]) {
            rest.append(rest.length() == 0 ? "" : " ").append(words.get(next));
            used[next] = true;
          }
        }
        values.put(f.name(), rest.toString());
        continue;
      }
      used[next] = true;
      String word = words.get(next++);
      Field pr = kind.field(Field.Context.PULL_REQUEST).orElse(null);
      if (f.context() == Field.Context.REPOSITORY && pr != null && word.contains("#")) {
        values.put(pr.name(), value(pr, word.substring(word.indexOf('#') + 1)));
        word = word.substring(0, word.indexOf('#'));
      }
      values.put(f.name(), value(f, word));
    }
    for (int i = 0; i < words.size(); i++) {
      if (!used[i]) {
        throw new BadRequestException(
            "unexpected '" + Quote.bounded(words.get(i)) + "'; " + kind.usage());
      }
    }
    for (Field f : kind.fields()) {
      Object supplied = place.get(f.context());
      if (supplied != null && !values.containsKey(f.name())) {
        values.put(f.name(), supplied);
      }
      if (f.required() && !values.containsKey(f.name())) {
        throw new BadRequestException(kind.usage());
      }
    }
    return new Values(values);
  }

  private static void keyword(
      RequestKind kind, Field f, List<String> words, boolean[] used, Map<String, Object> values) {
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!used[i] && (word.equals(f.keyword()) || f.aliases().contains(word))) {
        if (i + 1 >= words.size() || used[i + 1]) {
          throw new BadRequestException(
              "'" + Quote.bounded(word) + "' needs a value; " + kind.usage());
        }
        used[i] = true;
        used[i + 1] = true;
        values.put(f.name(), value(f, words.get(i + 1)));
        return;
      }
    }
  }

  /** One word as the field's type: a number in range, one of the choices, or the word itself. */
  static Object value(Field f, String word) {
    return switch (f.type()) {
      case INTEGER -> number(f, word);
      case CHOICE -> choice(f, word);
      case BOOLEAN -> true;
      case PAIRS -> pairs(f, word);
      default -> word;
    };
  }

  static Integer number(Field f, String word) {
    if (!word.matches("[0-9]{1,9}")
        || (f.min() != null && Integer.parseInt(word) < f.min())
        || (f.max() != null && Integer.parseInt(word) > f.max())) {
      throw new BadRequestException(
          f.label()
              + " must be a number"
              + (f.min() == null ? "" : " from " + f.min() + " to " + f.max())
              + ", got "
              + Quote.bounded(word));
    }
    return Integer.parseInt(word);
  }

  static String choice(Field f, String word) {
    for (String c : f.choices()) {
      if (c.equalsIgnoreCase(word)) {
        return c;
      }
    }
    throw new BadRequestException(
        f.label()
            + " is one of "
            + String.join(", ", f.choices())
            + ", got "
            + Quote.bounded(word.toLowerCase(Locale.ROOT)));
  }

  /** {@code KEY=VALUE}: one pair, split at the first {@code =}. */
  static Map<String, String> pairs(Field f, String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new BadRequestException(f.label() + " takes KEY=VALUE, got " + Quote.bounded(text));
    }
    return Map.of(text.substring(0, eq).strip(), text.substring(eq + 1));
  }
}
