package dev.gitopscrew.cli;

import dev.gitopscrew.config.ConfigException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crew} command line. Every command is a small class registered here; exit status 0 ok,
 * 1 the operation failed or was refused, 2 bad usage or configuration.
 */
@Command(
    name = "crew",
    mixinStandardHelpOptions = true,
    versionProvider = CrewCli.Version.class,
    description = "GitOps Crew: a GitOps automation bot with a small team of agents.")
public final class CrewCli {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  /** Every command, in the order {@code crew --help} lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          ServeCommand.class,
          ConfigCommand.class,
          DoctorCommand.class,
          AgentsCommand.class,
          SkillsCommand.class,
          AskCommand.class,
          RequestsCommand.class,
          SessionsCommand.class,
          ChangeCommand.class,
          EditCommand.class,
          ScanCommand.class,
          ValidateCommand.class,
          AuditCommand.class,
          ApproveCommand.class,
          KubeCommand.class,
          ActionCommand.class,
          RunbookCommand.class,
          IncidentsCommand.class,
          SchedulesCommand.class,
          McpCommand.class,
          ConsoleCommand.class,
          VerifyCommand.class,
          ForgeCommand.class,
          ReleaseCommand.class,
          CommandLine.HelpCommand.class,
          picocli.AutoComplete.GenerateCompletion.class);

  /** What a command says once when it waits for the embedded store another command holds. */
  static Runnable waitingForStore(PrintWriter err) {
    return () -> {
      err.println(
          "waiting for the state store: another crew command is using it (up to "
              + dev.gitopscrew.settings.StoreSettings.EMBEDDED_WAIT.toSeconds()
              + " s)...");
      err.flush();
    };
  }

  /** Runs one command line; the environment and streams are parameters so tests can drive it. */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine cli =
        commandLine(args, new Factory(env))
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  if (e instanceof ConfigException ce) {
                    cmd.getErr().println("configuration error:");
                    ce.problems().forEach(p -> cmd.getErr().println("  " + p.describe()));
                    return USAGE;
                  }
                  cmd.getErr().println("error: " + e.getMessage());
                  return FAILED;
                });
    cli.setExitCodeExceptionMapper(e -> USAGE);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The whole command line, every command in it (its help, the docs' check). */
  public static CommandLine commandLine() {
    return commandLine(new String[0], CommandLine.defaultFactory());
  }

  /**
   * The command line for {@code args}: only the command they name, when they name one. Picocli
   * reads every command's options when it registers the command, about a third of a second for all
   * of them on a small machine, and every run (crew serve's start-up too) paid it.
   */
  static CommandLine commandLine(String[] args, CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new CrewCli(), factory);
    String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    if (args.length > 0 && named.isEmpty()) {
      // crew --help and --version: the list of commands needs only their names and summaries
      COMMANDS.forEach(command -> cli.addSubcommand(nameOf(command), summaryOf(command)));
      return cli;
    }
    // help and completion speak of every command
    List<Class<?>> commands =
        List.of("help", "generate-completion").contains(named)
            ? COMMANDS
            : COMMANDS.stream().filter(c -> names(c).contains(named)).toList();
    for (Class<?> command : commands.isEmpty() ? COMMANDS : commands) {
      cli.addSubcommand(nameOf(command), command);
    }
    if (cli.getSubcommands().containsKey("request")) {
      RequestsCommand.addKinds(
          cli.getSubcommands().get("request"),
          dev.gitopscrew.roles.catalogue.RequestCatalogue.standard(),
          factory instanceof Factory f ? f.env() : Map.of());
    }
    return cli;
  }

  private static List<String> names(Class<?> command) {
    Command c = command.getAnnotation(Command.class);
    List<String> all = new java.util.ArrayList<>(List.of(c.aliases()));
    all.add(c.name());
    return all;
  }

  /** A command as {@code crew --help} lists it, read from its annotation alone. */
  private static CommandLine summaryOf(Class<?> command) {
    Command c = command.getAnnotation(Command.class);
    CommandLine.Model.CommandSpec spec =
        CommandLine.Model.CommandSpec.create().name(c.name()).aliases(c.aliases());
    spec.usageMessage().description(c.description()).header(c.header()).hidden(c.hidden());
    return new CommandLine(spec);
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** Gives commands the process environment without reaching for {@code System.getenv()}. */
  private record Factory(Map<String, String> env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K instance = CommandLine.defaultFactory().create(cls);
      if (instance instanceof EnvAware aware) {
        aware.env(env);
      }
      return instance;
    }
  }

  /** A command that reads the environment (tokens, CREW_* variables). */
  interface EnvAware {
    void env(Map<String, String> env);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "crew " + dev.gitopscrew.settings.CrewVersion.current().orElse("development build")
      };
    }
  }
}
