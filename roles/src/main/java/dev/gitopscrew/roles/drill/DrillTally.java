package dev.gitopscrew.roles.drill;

import java.util.Arrays;
import java.util.List;

/** A drill's count of children by terminal state, in the one-line form the drill reports. */
final class DrillTally {

  static final List<String> STATES =
      List.of("succeeded", "failed", "timed_out", "cancelled", "interrupted");

  private final long[] counts = new long[STATES.size()];

  void add(String state) {
    int index = STATES.indexOf(state);
    if (index < 0) {
      throw new IllegalArgumentException("not a terminal state: " + state);
    }
    counts[index]++;
  }

  void addAll(DrillTally other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  long total() {
    return Arrays.stream(counts).sum();
  }

  /** Reads the form {@link #toString} writes. */
  static DrillTally parse(String text) {
    DrillTally tally = new DrillTally();
    for (String pair : text.strip().split("\\s+")) {
      String[] kv = pair.split("=", 2);
      int index = STATES.indexOf(kv[0]);
      if (kv.length != 2 || index < 0 || !kv[1].matches("[0-9]{1,9}")) {
        throw new IllegalArgumentException("not a drill tally: " + text);
      }
      tally.counts[index] = Long.parseLong(kv[1]);
    }
    return tally;
  }

  /** {@code succeeded=850 failed=100 timed_out=50 cancelled=0 interrupted=0}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      out.append(i == 0 ? "" : " ").append(STATES.get(i)).append('=').append(counts[i]);
    }
    return out.toString();
  }
}
