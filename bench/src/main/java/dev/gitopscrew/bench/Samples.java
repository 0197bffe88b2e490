package dev.gitopscrew.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Latency samples in nanoseconds, by name; reports percentiles in milliseconds. */
public final class Samples {

  private final Map<String, List<Long>> byName = new ConcurrentHashMap<>();

  public void add(String name, long nanos) {
    byName.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
  }

  public void clear() {
    byName.clear();
  }

  public double percentileMs(String name, int p) {
    long[] sorted = sorted(name);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }

  /** One line per name: count, p50, p99 and max. */
  public String report() {
    StringBuilder out = new StringBuilder();
    for (String name : new TreeMap<>(byName).keySet()) {
      long[] sorted = sorted(name);
      out.append(
          String.format(
              "  %-14s n=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
              name,
              sorted.length,
              percentileMs(name, 50),
              percentileMs(name, 99),
              sorted[sorted.length - 1] / 1_000_000.0));
    }
    return out.toString();
  }

  private long[] sorted(String name) {
    List<Long> values = byName.getOrDefault(name, List.of());
    synchronized (values) {
      return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }
}
