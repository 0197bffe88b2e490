package dev.gitopscrew.channel;

import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The slash commands, as plain data the adapter registers per guild: one per kind of the request
 * catalogue that slash commands offer, its options typed from the kind's fields (a typed option
 * becomes the request's field directly, with no text in between), and the commands the channel
 * answers itself: {@code /status}, {@code /sessions}, {@code /approve}, {@code /help}, and {@code
 * /crew} which takes one line of words, as a message does.
 */
public final class SlashCommands {

  /** An option's type, as Discord knows it. */
  public enum Type {
    STRING,
    INTEGER,
    BOOLEAN
  }

  /** One option: a name, what it is, its type, whether it is required, and its fixed choices. */
  public record Option(
      String name, String description, Type type, boolean required, List<String> choices) {}

  /**
   * @param kind the request kind the command stands for; null for the channel's own commands
   */
  public record Command(String name, String description, List<Option> options, RequestKind kind) {}

  /** The commands the channel answers itself. */
  public static final List<String> LOCAL = List.of("status", "sessions", "approve", "help");

  /** The command that takes a line of words: {@code /crew restart grafana}, {@code /crew help}. */
  public static final String LINE = "crew";

  private SlashCommands() {}

  /** Every command, derived from {@code catalogue}. */
  public static List<Command> of(RequestCatalogue catalogue) {
    List<Command> all = new ArrayList<>();
    all.add(
        new Command("status", "The crew's connection, store and integrations", List.of(), null));
    all.add(new Command("sessions", "The most recent requests and their states", List.of(), null));
    all.add(
        new Command(
            "approve",
            "Approve or deny a parked request",
            List.of(
                new Option("id", "the approval's id", Type.STRING, true, List.of()),
                new Option(
                    "decision",
                    "approve (default) or deny",
                    Type.STRING,
                    false,
                    List.of("approve", "deny"))),
            null));
    all.add(new Command("help", "The requests the crew takes, with examples", List.of(), null));
    all.add(
        new Command(
            LINE,
            "Any request in words, as in a message: /crew restart grafana, /crew help",
            List.of(new Option("request", "the request, or help", Type.STRING, true, List.of())),
            null));
    for (RequestKind kind : catalogue.offeredAt(Door.SLASH)) {
      List<Option> options = new ArrayList<>();
      for (Field f : kind.fields()) {
        options.add(
            new Option(
                f.optionName(),
                clip(f.help()),
                switch (f.type()) {
                  case INTEGER -> Type.INTEGER;
                  case BOOLEAN -> Type.BOOLEAN;
                  default -> Type.STRING;
                },
                f.required(),
                f.choices()));
      }
      // Discord lists required options first
      options.sort(Comparator.comparing(o -> !o.required()));
      all.add(new Command(kind.id(), clip(kind.summary()), options, kind));
    }
    return all;
  }

  /** The command named {@code name}, if there is one. */
  public static Optional<Command> named(RequestCatalogue catalogue, String name) {
    return of(catalogue).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static String clip(String text) {
    return text.length() <= 100 ? text : text.substring(0, 99) + "…";
  }
}
