package dev.gitopscrew.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code crew --help} as the build rendered it: the top-level help is the same for every run of a
 * build, and rendering it with picocli costs more than the rest of the command. The build writes it
 * next to the classes ({@code process-classes}); a jar without it renders it as before.
 */
public final class HelpText {

  static final String RESOURCE = "crew-help.txt";

  private HelpText() {}

  /** Writes the help into the class output directory {@code args[0]}. */
  public static void main(String... args) throws IOException {
    Path file = Path.of(args[0]).resolve("dev/gitopscrew/cli").resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, rendered(), StandardCharsets.UTF_8);
  }

  /** The top-level help as picocli renders it now, without colours. */
  static String rendered() {
    StringWriter text = new StringWriter();
    CrewCli.commandLine().usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
    return text.toString();
  }

  /** The help the build rendered, when this jar has it. */
  static Optional<String> prerendered() {
    try (InputStream in = HelpText.class.getResourceAsStream(RESOURCE)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
