package dev.gitopscrew.cli;

import dev.gitopscrew.session.SessionView;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crew sessions list|show ID|cancel ID}. */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    description =
        "Sessions: through the running gateway when there is one, else the state directory.",
    subcommands = {
      SessionsCommand.ListSessions.class,
      SessionsCommand.Show.class,
      SessionsCommand.Cancel.class
    })
final class SessionsCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The newest sessions first.")
  static final class ListSessions extends BaseCommand {
    @Option(names = "--all", description = "include archived sessions")
    boolean all;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
        List<SessionView> list = sessions.list(all);
        if (json) {
          SessionPrinter.json(out(), list);
        } else {
          SessionPrinter.list(out(), list);
        }
        return CrewCli.OK;
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One session's whole tree, its result and the effects of its subtree.")
  static final class Show extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
        List<SessionView> tree = sessions.tree(id);
        if (tree.isEmpty()) {
          err().println("error: no session " + id);
          return CrewCli.FAILED;
        }
        var effects = sessions.effects(id).orElse(List.of());
        if (json) {
          SessionPrinter.json(out(), java.util.Map.of("tree", tree, "effects", effects));
        } else {
          SessionPrinter.model(out(), tree.get(0));
          SessionPrinter.tree(out(), tree);
          tree.stream()
              .filter(v -> v.id() == id)
              .findFirst()
              .ifPresent(v -> SessionPrinter.result(out(), v));
          SessionPrinter.effects(out(), effects);
        }
        return CrewCli.OK;
      }
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancel a session and its whole subtree.")
  static final class Cancel extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Override
    public Integer call() {
      try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
        Optional<Integer> ended = sessions.cancel(id);
        if (ended.isEmpty()) {
          err().println("error: no session " + id);
          return CrewCli.FAILED;
        }
        out()
            .println(
                ended.get() == 0
                    ? "Session " + id + " had already ended."
                    : "Cancelled " + ended.get() + " session(s).");
        return CrewCli.OK;
      }
    }
  }
}
