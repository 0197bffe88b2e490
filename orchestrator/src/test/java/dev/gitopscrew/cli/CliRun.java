package dev.gitopscrew.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One {@code crew} invocation in-process, with its exit status and what it printed. */
record CliRun(int status, String out, String err) {

  static CliRun of(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CrewCli.run(args, env, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(status, out.toString(), err.toString());
  }

  String all() {
    return out + err;
  }
}
