package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of request as every door offers it: its words, a one-line summary, its typed fields, the
 * agent that owns it, the tool the permission chain must grant, whether it writes, when it waits
 * for a person's approval, and the doors that do not offer it (with the reason). The doors (the
 * text grammar, slash commands, model functions, the API, the CLI) are derived from it.
 *
 * @param name the words that start it in a line ({@code restart}, {@code release plan})
 * @param needs what it needs, for a usage line: "a workload"
 * @param example a complete line, as the help and errors show it
 * @param approval when it waits for a person's approval, in words; null when never
 * @param notOffered the doors that do not offer it, each with the reason
 * @param record the record it builds
 * @param build makes the typed request from its fields' values (validating them)
 */
public record RequestKind(
    String name,
    String summary,
    String needs,
    String example,
    List<Field> fields,
    KnownAgent owner,
    Tool tool,
    boolean writes,
    String approval,
    Map<Door, String> notOffered,
    Class<? extends Request> record,
    Function<Values, Request> build) {

  public RequestKind {
    fields = List.copyOf(fields);
    notOffered = notOffered.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(notOffered));
    if (summary.length() > 100) {
      throw new IllegalArgumentException(name + ": a summary is at most 100 characters");
    }
  }

  /** Whether {@code door} offers this kind. */
  public boolean offeredAt(Door door) {
    return whyNotAt(door).isEmpty();
  }

  /** Why {@code door} does not offer this kind; empty when it does. */
  public Optional<String> whyNotAt(Door door) {
    if (notOffered.containsKey(door)) {
      return Optional.of(notOffered.get(door));
    }
    if (door == Door.PR_COMMENT && field(Field.Context.REPOSITORY).isEmpty()) {
      return Optional.of(
          "it does not act on a repository; ask for it in chat, with crew ask or the API");
    }
    return Optional.empty();
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public Optional<Field> field(Field.Context context) {
    return fields.stream().filter(f -> f.context() == context).findFirst();
  }

  /** The kind's name as one token: {@code release-plan}, for slash commands and JSON. */
  public String id() {
    return name.replace(' ', '-');
  }

  /** The kind's name as a model function: {@code release_plan}. */
  public String functionName() {
    return name.replace(' ', '_').replace('-', '_');
  }

  /** One line of words with every field: {@code restart WORKLOAD [in NAMESPACE] [dry-run]}. */
  public String synopsis() {
    StringBuilder out = new StringBuilder(name);
    for (Field f : fields) {
      if (f.syntax() != Field.Syntax.TYPED_ONLY) {
        out.append(' ').append(f.usage());
      }
    }
    return out.toString();
  }

  /**
   * These typed values as one line of words, the way the text doors read them back; the fields
   * whose context is {@code implied} (a pull request's repository and number) are left out, as a
   * {@code /crew} comment leaves them out. Empty when a value has no words (a file's content).
   */
  public Optional<String> words(Map<String, ?> values, java.util.Set<Field.Context> implied) {
    StringBuilder out = new StringBuilder(name);
    Optional<Field> shorthand =
        field(Field.Context.PULL_REQUEST).filter(f -> f.syntax() == Field.Syntax.TYPED_ONLY);
    for (Field f : fields) {
      Object value = values.get(f.name());
      if (value == null || implied.contains(f.context()) || Boolean.FALSE.equals(value)) {
        continue;
      }
      if (shorthand.isPresent() && f == shorthand.get()) {
        continue; // written on the repository: demo#12
      }
      Object number = shorthand.map(p -> values.get(p.name())).orElse(null);
      switch (f.syntax()) {
        case POSITIONAL ->
            out.append(' ')
                .append(value)
                .append(
                    f.context() == Field.Context.REPOSITORY && number != null ? "#" + number : "");
        case KEYWORD -> out.append(' ').append(f.keyword()).append(' ').append(value);
        case FLAG -> out.append(' ').append(f.keyword());
        case TYPED_ONLY -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(out.toString());
  }

  /** The usage line errors end with. */
  public String usage() {
    return name + " needs " + needs + ", like: " + example + " (in full: " + synopsis() + ")";
  }

  /** The request these values stand for; a {@code BadRequestException} says what is wrong. */
  public Request request(Values values) {
    return build.apply(values);
  }

  /** A descriptor under construction: fields and doors added one by one. */
  public static Builder named(String name, String summary) {
    return new Builder(name, summary);
  }

  /** Builds a {@link RequestKind}. */
  public static final class Builder {
    private final String name;
    private final String summary;
    private String needs = "its fields";
    private String example;
    private final java.util.ArrayList<Field> fields = new java.util.ArrayList<>();
    private KnownAgent owner;
    private Tool tool;
    private boolean writes;
    private String approval;
    private final Map<Door, String> notOffered = new EnumMap<>(Door.class);

    private Builder(String name, String summary) {
      this.name = name;
      this.summary = summary;
      this.example = name;
    }

    public Builder needs(String what, String exampleLine) {
      this.needs = what;
      this.example = exampleLine;
      return this;
    }

    public Builder fields(Field... more) {
      fields.addAll(List.of(more));
      return this;
    }

    public Builder owner(KnownAgent agent, Tool needed) {
      this.owner = agent;
      this.tool = needed;
      return this;
    }

    public Builder writes() {
      this.writes = true;
      return this;
    }

    public Builder approval(String when) {
      this.approval = when;
      return this;
    }

    public Builder notAt(String reason, Door... doors) {
      for (Door d : doors) {
        notOffered.put(d, reason);
      }
      return this;
    }

    public <R extends Request> RequestKind builds(Class<R> record, Function<Values, R> build) {
      return new RequestKind(
          name,
          summary,
          needs,
          example,
          fields,
          owner,
          tool,
          writes,
          approval,
          notOffered,
          record,
          build::apply);
    }
  }
}
