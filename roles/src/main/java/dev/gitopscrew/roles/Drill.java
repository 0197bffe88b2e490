package dev.gitopscrew.roles;

import dev.gitopscrew.roles.Request.Kind;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A game day for the session machinery, run in the real gateway: {@code drill fanout N [fail P]
 * [timeout P] [work MS]}. homelab-admin splits N leaves into shares for up to {@value #SHARES}
 * qa-tester sessions (depth 1); each runs its share as leaf workers (depth 2) that sleep 0 to 2×MS
 * ms, then succeed, fail, or hang until the supervisor times them out after {@link #HANG_TIMEOUT}.
 * Which leaves fail or hang follows from their index, so a run's expected counts are known. The
 * result counts every leaf by terminal state; a leaf without one fails the drill, saying how many.
 */
final class Drill {

  static final int SHARES = 8;
  static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);
  private static final String USAGE =
      "drill needs a fan-out, like: drill fanout 1000 [fail 10] [timeout 5] [work 20]";
  private static final String LEAF = "drill leaf ";
  private static final String QA = KnownAgent.QA_TESTER.id();

  private Drill() {}

  /**
   * Parses {@code fanout N ...} (from an operator) or {@code share FROM-TO ...} (to a qa-tester).
   */
  static Request parse(List<String> words, String text) {
    Map<String, String> options =
        new HashMap<>(Map.of("leaves", "100", "fail", "10", "timeout", "5", "work", "20"));
    String mode = words.isEmpty() ? "" : words.get(0);
    int i = 1;
    if (mode.equals("fanout") && words.size() > 1 && words.get(1).matches("[0-9]+")) {
      options.put("leaves", String.valueOf(number("N", words.get(i++), 1, 100_000)));
    } else if (mode.equals("share") && words.size() > 1 && words.get(1).matches("[0-9]+-[0-9]+")) {
      String[] range = words.get(i++).split("-");
      options.put("from", String.valueOf(number("share start", range[0], 0, 100_000)));
      options.put(
          "to", String.valueOf(number("share end", range[1], option(options, "from"), 100_000)));
    } else if (!mode.equals("fanout")) {
      throw new BadRequestException(USAGE);
    }
    for (; i < words.size(); i += 2) {
      String key = words.get(i);
      if (!List.of("fail", "timeout", "work").contains(key) || i + 1 >= words.size()) {
        throw new BadRequestException("unexpected '" + key + "'; " + USAGE);
      }
      int max = key.equals("work") ? 60_000 : 100;
      options.put(key, String.valueOf(number(key, words.get(i + 1), 0, max)));
    }
    if (option(options, "fail") + option(options, "timeout") > 100) {
      throw new BadRequestException("fail and timeout percentages add up to more than 100");
    }
    return new Request(mode.equals("share") ? Kind.DRILL_SHARE : Kind.DRILL, mode, options, text);
  }

  /** homelab-admin: hands the shares to qa-testers and adds up what they report. */
  static String fanout(Request request, Subagents subagents) throws InterruptedException {
    int leaves = option(request, "leaves");
    DrillTally tally = new DrillTally();
    Map<Task, Integer> shareSizes = new HashMap<>();
    List<String> missing = new ArrayList<>();
    SpawnWindow window =
        new SpawnWindow(
            subagents,
            (task, result) -> {
              if (result instanceof SessionResult.Succeeded ok) {
                tally.addAll(DrillTally.parse(ok.result().substring(ok.result().indexOf(':') + 1)));
              } else {
                missing.add(
                    shareSizes.get(task)
                        + " leaves of "
                        + task.instruction()
                        + " "
                        + result.describe());
              }
            });
    int shares = Math.min(SHARES, leaves);
    for (int p = 0; p < shares; p++) {
      int from = (int) ((long) leaves * p / shares);
      int to = (int) ((long) leaves * (p + 1) / shares);
      Task share = new Task(QA, "drill share " + from + "-" + to + settings(request));
      shareSizes.put(share, to - from);
      window.spawn(share);
    }
    window.awaitAll();
    String summary = "drill fanout " + leaves + ": " + tally;
    if (missing.isEmpty() && tally.total() == leaves) {
      return summary + " (every child delivered)";
    }
    throw new IllegalStateException(
        summary
            + " (MISSING "
            + (leaves - tally.total())
            + " of "
            + leaves
            + " children without a delivered result: "
            + (missing.isEmpty() ? "the shares miscounted" : String.join("; ", missing))
            + ")");
  }

  /** qa-tester: runs leaves FROM to TO and reports their count by terminal state. */
  static String share(Request request, Subagents subagents) throws InterruptedException {
    int from = option(request, "from");
    int to = option(request, "to");
    int work = option(request, "work");
    DrillTally tally = new DrillTally();
    SpawnWindow window = new SpawnWindow(subagents, (task, result) -> tally.add(result.state()));
    for (int leaf = from; leaf < to; leaf++) {
      String kind = kindOf(leaf, option(request, "fail"), option(request, "timeout"));
      Duration timeout = kind.equals("hang") ? HANG_TIMEOUT : null;
      window.spawn(new Task(QA, LEAF + work + " " + kind, timeout));
    }
    window.awaitAll();
    if (tally.total() != to - from) {
      throw new IllegalStateException(
          "drill share " + from + "-" + to + " delivered " + tally.total() + ": " + tally);
    }
    return "drill share " + from + "-" + to + ": " + tally;
  }

  static boolean isLeaf(String instruction) {
    return instruction.startsWith(LEAF);
  }

  /** A leaf: {@code drill leaf MS ok|fail|hang}. */
  static String leaf(String instruction) throws InterruptedException {
    String[] words = instruction.substring(LEAF.length()).split(" ");
    if (words.length != 2 || !words[0].matches("[0-9]{1,5}")) {
      throw new BadRequestException("not a drill leaf: " + instruction);
    }
    switch (words[1]) {
      case "hang" -> Thread.sleep(Long.MAX_VALUE);
      case "ok", "fail" ->
          Thread.sleep(ThreadLocalRandom.current().nextInt(2 * Integer.parseInt(words[0]) + 1));
      default -> throw new BadRequestException("not a drill leaf: " + instruction);
    }
    if (words[1].equals("fail")) {
      throw new IllegalStateException("drill leaf failed as planned");
    }
    return "ok";
  }

  /**
   * Spreads the failing and hanging leaves evenly: of every 100 leaves, fail + timeout are bad, and
   * the bad ones are split between failing and hanging in proportion.
   */
  static String kindOf(int leaf, int fail, int timeout) {
    int bad = fail + timeout;
    long before = (long) leaf * bad / 100;
    if ((long) (leaf + 1) * bad / 100 == before) {
      return "ok";
    }
    return (before + 1) * timeout / bad > before * timeout / bad ? "hang" : "fail";
  }

  private static String settings(Request request) {
    return " fail "
        + option(request, "fail")
        + " timeout "
        + option(request, "timeout")
        + " work "
        + option(request, "work");
  }

  private static int option(Request request, String name) {
    return option(request.options(), name);
  }

  private static int option(Map<String, String> options, String name) {
    return Integer.parseInt(options.get(name));
  }

  private static int number(String what, String word, int min, int max) {
    if (!word.matches("[0-9]{1,9}")
        || Integer.parseInt(word) < min
        || Integer.parseInt(word) > max) {
      throw new BadRequestException(
          what + " must be a number from " + min + " to " + max + ", got " + word);
    }
    return Integer.parseInt(word);
  }
}
