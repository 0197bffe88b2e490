package dev.gitopscrew.cli;

import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** One kind of the catalogue as a command: its options become the request's fields. */
final class RunKind extends RequestCommand {

  private final RequestCatalogue catalogue;
  private final RequestKind kind;

  @Spec CommandSpec spec;

  RunKind(RequestCatalogue catalogue, RequestKind kind) {
    this.catalogue = catalogue;
    this.kind = kind;
  }

  @Override
  public Integer call() throws Exception {
    Request request;
    try {
      request = request();
    } catch (BadRequestException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(request, Optional.empty(), yes));
  }

  /** The request the options given stand for. */
  Request request() throws IOException {
    ParseResult parsed = spec.commandLine().getParseResult();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : kind.fields()) {
      OptionSpec option = spec.findOption("--" + f.optionName());
      if (parsed.hasMatchedOption(option)) {
        Object value = option.getValue();
        values.put(f.name(), f.type() == Field.Type.PAIRS ? files(value) : value);
      }
    }
    return catalogue.typed(kind.id(), values, Door.COMMAND_LINE, Map.of());
  }

  /** {@code PATH=@LOCALFILE} takes a local file's content; {@code PATH=TEXT} the text itself. */
  private static Map<String, String> files(Object value) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
      String text = String.valueOf(e.getValue());
      out.put(
          String.valueOf(e.getKey()),
          text.startsWith("@")
              ? Files.readString(Path.of(text.substring(1)), StandardCharsets.UTF_8)
              : text);
    }
    return out;
  }
}
