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

  /** {@code crew ARGS --state-dir STATE} with an empty environment. */
  static CliRun inStateDir(java.nio.file.Path state, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--state-dir";
    all[args.length + 1] = state.toString();
    return of(Map.of(), all);
  }

  /** {@code crew ARGS --config CONFIG --state-dir STATE} with {@code env}. */
  static CliRun withConfig(
      Map<String, String> env,
      java.nio.file.Path config,
      java.nio.file.Path state,
      String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    all[args.length + 2] = "--state-dir";
    all[args.length + 3] = state.toString();
    return of(env, all);
  }

  String all() {
    return out + err;
  }
}
