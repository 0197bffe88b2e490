package dev.gitopscrew.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process entry point. Only {@code serve} boots Quarkus; the other commands run without it, so
 * they start fast and never bind a port.
 */
@QuarkusMain
public final class CrewMain {

  static {
    // the packaged jar starts here rather than in Quarkus' launcher, which set this: JBoss
    // LogManager must own java.util.logging before anything logs
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
  }

  private CrewMain() {}

  public static void main(String... args) {
    // --help and --version end by returning (status 0): System.exit logs the exit through
    // System.Logger since JDK 21, which loads the whole logging system for one line (~30 ms)
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // what picocli prints for it, without building picocli's model (a tenth of a second)
      out.println(new CrewCli.Version().getVersion()[0]);
      return;
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      var help = HelpText.prerendered();
      if (help.isPresent()) {
        out.print(help.get());
        out.flush();
        return;
      }
    }
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(CrewCli.run(args, System.getenv(), out, err));
  }
}
