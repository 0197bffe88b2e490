package dev.gitopscrew.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the context options, the environment and the output streams. */
abstract class BaseCommand implements Callable<Integer>, CrewCli.EnvAware {

  @Mixin ContextOptions context;

  @Spec CommandSpec spec;

  Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
