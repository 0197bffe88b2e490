package dev.gitopscrew.bench;

import dev.gitopscrew.bench.cli.CliScenario;
import dev.gitopscrew.bench.console.ConsoleScenario;
import dev.gitopscrew.bench.failover.FailoverScenario;
import dev.gitopscrew.bench.fanout.FanoutScenario;
import dev.gitopscrew.bench.gitflow.GitflowScenario;
import dev.gitopscrew.bench.release.ReleaseScenario;
import dev.gitopscrew.bench.restart.RestartScenario;
import dev.gitopscrew.bench.scan.ScanScenario;
import dev.gitopscrew.bench.startup.StartupScenario;
import dev.gitopscrew.bench.webhooks.WebhooksScenario;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code bench/run SCENARIO}: runs one registered scenario. */
public final class Bench {

  /** Every scenario, registered here. */
  static List<Scenario> scenarios() {
    return List.of(
        new FanoutScenario(),
        new RestartScenario(),
        new FailoverScenario(),
        new GitflowScenario(),
        new ReleaseScenario(),
        new ScanScenario(),
        new WebhooksScenario(),
        new StartupScenario(),
        new CliScenario(),
        new ConsoleScenario());
  }

  public static void main(String[] args) throws Exception {
    // the crew's libraries log through JBoss LogManager, as in the gateway; set before anything
    // logs
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    if (args.length == 0) {
      System.err.println("usage: bench/run SCENARIO   (one of " + names() + ")");
      System.exit(2);
    }
    for (Scenario s : scenarios()) {
      if (s.name().equals(args[0])) {
        s.run(Arrays.copyOfRange(args, 1, args.length));
        System.exit(0);
      }
    }
    System.err.println("unknown scenario '" + args[0] + "'; one of " + names());
    System.exit(2);
  }

  private static List<String> names() {
    return scenarios().stream().map(Scenario::name).toList();
  }
}
