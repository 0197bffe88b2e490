package dev.gitopscrew.cli;

import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crew request KIND --FIELD VALUE ...}: every kind of the request catalogue as a command of
 * its own, its fields as typed options, made from the catalogue (so its help and shell completion
 * follow it); {@code crew request} alone, or {@code crew help requests}, prints the catalogue.
 */
@Command(
    name = "request",
    aliases = "requests",
    mixinStandardHelpOptions = true,
    description = {
      "Run one request of the catalogue, its fields given as options: crew request KIND --help",
      "The same requests are taken as words by crew ask, chat, /crew comments and schedules."
    })
final class RequestsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(RequestCatalogue.standard().help(Door.COMMAND_LINE));
    return CrewCli.OK;
  }

  /** Adds one command per kind of {@code catalogue} to {@code request}. */
  static void addKinds(CommandLine request, RequestCatalogue catalogue, Map<String, String> env) {
    // the catalogue's lines are kept whole (a long example would wrap mid-word at 80 columns)
    request.getCommandSpec().usageMessage().width(160).footer(catalogue.help(Door.COMMAND_LINE));
    for (RequestKind kind : catalogue.offeredAt(Door.COMMAND_LINE)) {
      RunKind run = new RunKind(catalogue, kind);
      run.env(env);
      CommandSpec kindSpec = CommandSpec.forAnnotatedObject(run);
      kindSpec.name(kind.id());
      kindSpec.mixinStandardHelpOptions(true);
      kindSpec
          .usageMessage()
          .description(
              kind.summary(),
              "Owner: "
                  + kind.owner().id()
                  + (kind.approval() == null ? "" : "; waits for an approval " + kind.approval())
                  + ". As words: "
                  + kind.synopsis())
          .footer("Example (as words): " + kind.example());
      for (Field f : kind.fields()) {
        OptionSpec.Builder option =
            OptionSpec.builder("--" + f.optionName())
                .description(
                    f.help()
                        + (f.choices().isEmpty()
                            ? ""
                            : " (" + String.join(", ", f.choices()) + ")"))
                .required(f.required());
        switch (f.type()) {
          case INTEGER -> option.type(Integer.class).paramLabel("N");
          case BOOLEAN -> option.type(boolean.class).arity("0");
          case PAIRS ->
              option
                  .type(Map.class)
                  .auxiliaryTypes(String.class, String.class)
                  .paramLabel("KEY=VALUE|KEY=@LOCALFILE");
          default -> {
            option.type(String.class).paramLabel(f.optionName().toUpperCase(java.util.Locale.ROOT));
            if (!f.choices().isEmpty()) {
              option.completionCandidates(f.choices());
            }
          }
        }
        kindSpec.addOption(option.build());
      }
      request.addSubcommand(kind.id(), new CommandLine(kindSpec));
    }
  }
}
