package dev.gitopscrew.bench;

/** One benchmark scenario; its last output line is {@code BENCH <name> key=value ...}. */
public interface Scenario {
  String name();

  void run(String[] args) throws Exception;
}
