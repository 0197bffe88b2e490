package dev.gitopscrew.roles.catalogue;

import java.util.List;

/**
 * One typed field of a request kind: what it is, how it is written in a line of words, and whether
 * the place a request comes from (a pull request) can fill it in.
 *
 * @param keyword for {@link Syntax#KEYWORD}: the word before the value ({@code in}, {@code to})
 * @param aliases other spellings of the keyword or flag ({@code -n} for {@code in})
 * @param context what a door's place supplies for this field when it is not written
 * @param min the least value of an integer, or null
 * @param max the greatest value of an integer, or null
 */
public record Field(
    String name,
    Type type,
    boolean required,
    String help,
    String example,
    Syntax syntax,
    String keyword,
    List<String> aliases,
    List<String> choices,
    Context context,
    Integer min,
    Integer max) {

  /** The value's type, as JSON Schema, Discord options and picocli know it. */
  public enum Type {
    /** One word: a name, a reference, a path. */
    WORD,
    /** Free text with spaces: a title, a summary. */
    TEXT,
    INTEGER,
    BOOLEAN,
    /** One of {@link #choices()}. */
    CHOICE,
    /** {@code KEY=VALUE} pairs: files and their contents. */
    PAIRS
  }

  /** How the field is written in a line of words. */
  public enum Syntax {
    /** In its place among the words without a keyword. */
    POSITIONAL,
    /** After its keyword, anywhere: {@code in monitoring}. */
    KEYWORD,
    /** Present or not: {@code dry-run}. */
    FLAG,
    /** Not written in a line of words: typed doors only. */
    TYPED_ONLY
  }

  /** A value the place a request comes from can supply. */
  public enum Context {
    NONE,
    REPOSITORY,
    PULL_REQUEST
  }

  public Field {
    aliases = List.copyOf(aliases);
    choices = List.copyOf(choices);
  }

  /** A required word in its place. */
  public static Field word(String name, String help, String example) {
    return new Field(
        name,
        Type.WORD,
        true,
        help,
        example,
        Syntax.POSITIONAL,
        null,
        List.of(),
        List.of(),
        Context.NONE,
        null,
        null);
  }

  /** A required number from {@code min} to {@code max} in its place. */
  public static Field number(String name, String help, String example, int min, int max) {
    Field f = word(name, help, example);
    return new Field(
        name,
        Type.INTEGER,
        true,
        help,
        example,
        f.syntax,
        null,
        f.aliases,
        f.choices,
        f.context,
        min,
        max);
  }

  /** Free text: the rest of a line of words, or a typed door's string. */
  public static Field text(String name, String help, String example) {
    Field f = word(name, help, example);
    return f.with(Type.TEXT, f.syntax, null, List.of(), List.of(), f.context, f.required);
  }

  /** A flag such as {@code dry-run}: the JSON name is camel case, the word is dashed. */
  public static Field flag(String name, String word, String help) {
    return word(name, help, "true")
        .with(
            Type.BOOLEAN, Syntax.FLAG, word, List.of("--" + word), List.of(), Context.NONE, false);
  }

  /** The common {@code dry-run} flag. */
  public static Field dryRun(String help) {
    return flag("dryRun", "dry-run", help);
  }

  /** A required word with fixed values (matched in any case). */
  public static Field choice(String name, String help, String... values) {
    Field f = word(name, help, values[0]);
    return f.with(Type.CHOICE, f.syntax, null, List.of(), List.of(values), f.context, true);
  }

  public Field optional() {
    return with(type, syntax, keyword, aliases, choices, context, false);
  }

  /** Written after {@code word} (and its aliases) anywhere in the line. */
  public Field after(String word, String... alias) {
    return with(type, Syntax.KEYWORD, word, List.of(alias), choices, context, required);
  }

  /** Not written in a line of words; typed doors (slash, API, model, CLI options) only. */
  public Field typedOnly() {
    return with(type, Syntax.TYPED_ONLY, keyword, aliases, choices, context, required);
  }

  /** A value a door's place (a pull request) fills in when it is not given. */
  public Field from(Context place) {
    return with(type, syntax, keyword, aliases, choices, place, required);
  }

  /** Fixed values for this field. */
  public Field among(String... values) {
    return with(Type.CHOICE, syntax, keyword, aliases, List.of(values), context, required);
  }

  private Field with(
      Type t,
      Syntax s,
      String word,
      List<String> alias,
      List<String> values,
      Context place,
      boolean needed) {
    return new Field(name, t, needed, help, example, s, word, alias, values, place, min, max);
  }

  /** The field's name in words, as errors say it: {@code pullRequest} is "pull request". */
  public String label() {
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The field's name as a dashed option: {@code pullRequest} is {@code pull-request}. */
  public String optionName() {
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * How the field looks in a usage line: {@code REPO}, {@code [in NAMESPACE]}, {@code [dry-run]}.
   */
  public String usage() {
    String value = optionName().toUpperCase(java.util.Locale.ROOT);
    String shown =
        switch (syntax) {
          case POSITIONAL -> value;
          case KEYWORD -> keyword + " " + value;
          case FLAG -> keyword;
          case TYPED_ONLY -> "--" + optionName() + " " + value;
        };
    return required ? shown : "[" + shown + "]";
  }
}
