package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.request.Ask;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Quote;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RequestJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every kind of request the crew takes, described once; each door (a line of words, slash commands,
 * model functions, the API, the CLI) reads its requests through this catalogue, so a kind added
 * here reaches them all. Free text that names no kind is an {@link Ask} for a model.
 */
public final class RequestCatalogue {

  private static final RequestCatalogue STANDARD =
      new RequestCatalogue(
          Stream.of(ClusterKinds.all(), CheckKinds.all(), RepositoryKinds.all())
              .flatMap(List::stream)
              .toList());

  private final List<RequestKind> kinds;

  private RequestCatalogue(List<RequestKind> kinds) {
    this.kinds = List.copyOf(kinds);
    for (RequestKind k : kinds) {
      if (kinds.stream().filter(o -> o.id().equals(k.id())).count() > 1) {
        throw new IllegalStateException("request kind " + k.name() + " is described twice");
      }
      if (Request.Contributed.class.isAssignableFrom(k.record())) {
        RequestJson.register(k.record().asSubclass(Request.Contributed.class));
      }
    }
  }

  /** The crew's own kinds. */
  public static RequestCatalogue standard() {
    return STANDARD;
  }

  /** This catalogue and {@code more} kinds (contributed ones). */
  public RequestCatalogue with(RequestKind... more) {
    List<RequestKind> all = new ArrayList<>(kinds);
    all.addAll(Arrays.asList(more));
    return new RequestCatalogue(all);
  }

  public List<RequestKind> kinds() {
    return kinds;
  }

  /** The kinds {@code door} offers. */
  public List<RequestKind> offeredAt(Door door) {
    return kinds.stream().filter(k -> k.offeredAt(door)).toList();
  }

  /** A kind by its name, id ({@code release-plan}) or function name ({@code release_plan}). */
  public Optional<RequestKind> kind(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    return kinds.stream()
        .filter(k -> k.name().equals(n) || k.id().equals(n) || k.functionName().equals(n))
        .findFirst();
  }

  /** The kinds that build {@code record}: the descriptors a stored request came from. */
  public List<RequestKind> describing(Class<? extends Request> record) {
    return kinds.stream().filter(k -> k.record().equals(record)).toList();
  }

  /**
   * One line of words from a text door. {@code place} fills in what the door's place says (a pull
   * request's repository and number). Text that starts with no kind's name is an {@link Ask} when
   * {@code freeText} (a model can plan it), else an error listing the kinds.
   */
  public Request parse(String text, Door door, Map<Field.Context, Object> place, boolean freeText) {
    return parse(text, door, place, freeText ? null : "configure a model (docs/models.md)");
  }

  /**
   * As above; {@code noFreeText} is why free text cannot be planned here, in words (no model for
   * the agent asked, no provider, a provider's key not set), or {@code null} when it can.
   */
  public Request parse(
      String text, Door door, Map<Field.Context, Object> place, String noFreeText) {
    boolean freeText = noFreeText == null;
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new BadRequestException("empty request; one of: " + names(door));
    }
    List<String> words = spelledOut(Arrays.asList(trimmed.split("\\s+")));
    Optional<RequestKind> found = startingKind(words);
    if (found.isEmpty()) {
      if (freeText) {
        return new Ask(trimmed);
      }
      String first = words.get(0).toLowerCase(Locale.ROOT);
      List<String> started =
          kinds.stream()
              .filter(k -> k.name().startsWith(first + " ") && k.offeredAt(door))
              .map(RequestKind::synopsis)
              .toList();
      if (!started.isEmpty()) {
        throw new BadRequestException(first + " is one of: " + String.join("; ", started));
      }
      throw new BadRequestException(
          "unknown request '"
              + Quote.bounded(first)
              + "'; one of: "
              + names(door)
              + " (free text needs a model: "
              + noFreeText
              + ")");
    }
    RequestKind kind = found.get();
    Optional<String> notHere = kind.whyNotAt(door);
    if (notHere.isPresent()) {
      if (freeText) {
        return new Ask(trimmed);
      }
      throw new BadRequestException(kind.name() + " is not taken here: " + notHere.get());
    }
    int skip = kind.name().split(" ").length;
    try {
      return kind.request(LineGrammar.read(kind, words.subList(skip, words.size()), place));
    } catch (BadRequestException e) {
      if (freeText) {
        return new Ask(trimmed); // "label it type:docs": words a model can plan, not a line
      }
      throw e;
    }
  }

  /** {@link #parse} with no place. */
  public Request parse(String text, Door door, boolean freeText) {
    return parse(text, door, Map.of(), freeText);
  }

  /**
   * Typed values from a typed door (a slash command's options, a JSON object, CLI options) for the
   * kind named {@code name}.
   */
  public Request typed(
      String name, Map<String, ?> values, Door door, Map<Field.Context, Object> place) {
    RequestKind kind =
        kind(name)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "unknown request kind '"
                            + Quote.bounded(String.valueOf(name))
                            + "'; one of: "
                            + String.join(
                                ", ", offeredAt(door).stream().map(RequestKind::id).toList())));
    Optional<String> notHere = kind.whyNotAt(door);
    if (notHere.isPresent()) {
      throw new BadRequestException(kind.name() + " is not taken here: " + notHere.get());
    }
    return kind.request(TypedFields.read(kind, values, place));
  }

  /** A kind's id written for its name ({@code release-due demo}) read as its name's words. */
  private List<String> spelledOut(List<String> words) {
    for (RequestKind k : kinds) {
      if (k.name().contains(" ") && words.get(0).equalsIgnoreCase(k.id())) {
        List<String> out = new ArrayList<>(Arrays.asList(k.name().split(" ")));
        out.addAll(words.subList(1, words.size()));
        return out;
      }
    }
    return words;
  }

  private Optional<RequestKind> startingKind(List<String> words) {
    RequestKind best = null;
    for (RequestKind k : kinds) {
      String[] name = k.name().split(" ");
      if (name.length <= words.size()
          && (best == null || name.length > best.name().split(" ").length)) {
        boolean match = true;
        for (int i = 0; i < name.length; i++) {
          match &= words.get(i).equalsIgnoreCase(name[i]);
        }
        if (match) {
          best = k;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private String names(Door door) {
    return String.join(", ", offeredAt(door).stream().map(RequestKind::name).toList());
  }

  /** The catalogue as people read it: per kind its synopsis, summary, owner and example. */
  public String help(Door door) {
    StringBuilder out = new StringBuilder();
    out.append("Requests")
        .append(door == null ? "" : " (" + door.label() + ")")
        .append(", one per line; anything else is free text for a model:\n");
    for (RequestKind k : door == null ? kinds : offeredAt(door)) {
      out.append("\n  ")
          .append(k.synopsis())
          .append("\n      ")
          .append(k.summary())
          .append(" (")
          .append(k.owner().id())
          .append(k.approval() == null ? "" : "; approval " + k.approval())
          .append(")\n      e.g. ")
          .append(k.example());
    }
    return out.append('\n').toString();
  }

  /**
   * The catalogue as docs/requests.md holds it, between its markers: per kind its words, what it
   * does, who does it, its fields and the doors that do not take it. The docs test keeps the file
   * equal to this.
   */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    for (RequestKind k : kinds) {
      out.append("### ").append(k.name()).append("\n\n");
      out.append(k.summary()).append("\n\n");
      out.append("- As words: `").append(k.synopsis()).append("`\n");
      out.append("- Example: `").append(k.example()).append("`\n");
      out.append("- Done by **")
          .append(k.owner().id())
          .append("** with the tool `")
          .append(k.tool() == null ? "none" : k.tool().id())
          .append("`; ")
          .append(k.writes() ? "it writes" : "it only reads")
          .append("; ")
          .append(k.approval() == null ? "no approval" : "waits for an approval " + k.approval())
          .append("\n");
      out.append("- Slash command `/").append(k.id()).append("`, model function `");
      out.append(k.functionName()).append("`, `crew request ").append(k.id()).append("`\n");
      for (Door d : Door.values()) {
        k.whyNotAt(d)
            .ifPresent(
                why ->
                    out.append("- Not taken by ")
                        .append(d.label())
                        .append(": ")
                        .append(why)
                        .append("\n"));
      }
      out.append("\n| Field | Type | Required | In words | What it is | Example |\n");
      out.append("|---|---|---|---|---|---|\n");
      for (Field f : k.fields()) {
        out.append("| `")
            .append(f.name())
            .append("` | ")
            .append(
                f.type() == Field.Type.CHOICE
                    ? String.join(" \\| ", f.choices())
                    : f.type().name().toLowerCase(Locale.ROOT)
                        + (f.min() == null ? "" : " " + f.min() + "–" + f.max()))
            .append(" | ")
            .append(f.required() ? "yes" : "no")
            .append(" | ")
            .append(
                switch (f.syntax()) {
                  case POSITIONAL -> "in its place";
                  case KEYWORD -> "after `" + f.keyword() + "`";
                  case FLAG -> "`" + f.keyword() + "`";
                  case TYPED_ONLY -> "typed doors only";
                })
            .append(f.context() == Field.Context.NONE ? "" : "; a pull request comment fills it in")
            .append(" | ")
            .append(f.help().replace("|", "\\|"))
            .append(" | `")
            .append(f.example())
            .append("` |\n");
      }
      out.append("\n");
    }
    return out.toString();
  }
}
