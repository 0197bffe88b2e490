package dev.gitopscrew.mcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured MCP servers and their state: each started when first needed (or kept up by {@link
 * #keepUp}), its tools listed again when it says they changed; a server that does not start, or
 * fails or hangs during a call, is closed, its tools withdrawn, and started again after a backoff
 * (1 s, doubled per failure, at most 5 minutes).
 */
public final class McpServers implements AutoCloseable {

  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

  /** Where a server stands. */
  public enum State {
    NOT_STARTED,
    READY,
    DOWN
  }

  /**
   * A server as {@code crew mcp list}, {@code crew doctor} and {@code /api/mcp} show it.
   *
   * @param reason why it is down; null otherwise
   * @param retryAt when a down server is tried again; null otherwise
   */
  public record Status(
      String server,
      String where,
      State state,
      String reason,
      Instant retryAt,
      List<ServerTool> tools) {
    public Status {
      tools = List.copyOf(tools);
    }
  }

  private final class Slot {
    final McpServerSpec spec;
    ToolServer running;
    List<ServerTool> tools = List.of();
    volatile boolean stale;
    String reason;
    int failures;
    Instant retryAt;

    Slot(McpServerSpec spec) {
      this.spec = spec;
      this.seen = new Status(spec.name(), spec.where(), State.NOT_STARTED, null, null, List.of());
    }

    // the state last seen, read without waiting for a server that is starting
    volatile Status seen;
    // a keeper's thread is starting it or looking at it
    final java.util.concurrent.atomic.AtomicBoolean busy =
        new java.util.concurrent.atomic.AtomicBoolean();

    synchronized Status status() {
      ensure();
      seen = current();
      return seen;
    }

    synchronized Status current() {
      return new Status(
          spec.name(),
          spec.where(),
          running != null ? State.READY : reason == null ? State.NOT_STARTED : State.DOWN,
          reason,
          running == null ? retryAt : null,
          tools);
    }

    /** Started and its tools current, unless it is down and not due again yet. */
    synchronized void ensure() {
      if (closed) {
        return;
      }
      if (running == null && (retryAt == null || !clock.instant().isBefore(retryAt))) {
        try {
          // an exit takes down the server that exited, never one started after it
          java.util.concurrent.atomic.AtomicReference<ToolServer> started =
              new java.util.concurrent.atomic.AtomicReference<>();
          running =
              starter.start(
                  spec,
                  new ToolServer.Events(() -> stale = true, why -> downIf(started.get(), why)));
          started.set(running);
          stale = true;
        } catch (ToolServer.Unavailable e) {
          down(e.getMessage());
          return;
        }
      }
      if (running != null && stale) {
        stale = false;
        try {
          tools = List.copyOf(running.tools());
          reason = null;
        } catch (ToolServer.Unavailable e) {
          down(e.getMessage());
        }
      }
    }

    /** A call was answered: the server works, its next failure starts the backoff afresh. */
    synchronized void answered() {
      failures = 0;
    }

    /** Down, unless the server that failed was already replaced (or taken down for its exit). */
    synchronized void downIf(ToolServer failed, String why) {
      if (running == failed) {
        down(why);
      }
    }

    synchronized void down(String why) {
      if (running != null) {
        running.close();
        running = null;
      }
      tools = List.of();
      reason = why;
      Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures, 16));
      retryAt = clock.instant().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
      failures++;
      seen = current();
    }
  }

  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Map<String, String> unusable;
  private final ToolServer.Starter starter;
  private final Clock clock;
  private java.util.concurrent.ScheduledExecutorService keeper;
  private volatile boolean closed;

  /**
   * @param unusable the servers that cannot start as configured (a variable the environment lacks),
   *     each with the reason: shown down, never started
   */
  public McpServers(
      List<McpServerSpec> specs,
      Map<String, String> unusable,
      ToolServer.Starter starter,
      Clock clock) {
    specs.forEach(s -> slots.put(s.name(), new Slot(s)));
    this.unusable = Map.copyOf(unusable);
    this.starter = starter;
    this.clock = clock;
  }

  public List<String> names() {
    List<String> all = new java.util.ArrayList<>(slots.keySet());
    all.addAll(unusable.keySet());
    return all.stream().sorted().toList();
  }

  public Optional<McpServerSpec> spec(String server) {
    return Optional.ofNullable(slots.get(server)).map(s -> s.spec);
  }

  /** Every server's state, each started (or retried) first when due. */
  public List<Status> status() {
    List<Status> all =
        new java.util.ArrayList<>(slots.values().stream().map(Slot::status).toList());
    unusable.forEach(
        (name, why) -> all.add(new Status(name, "not started", State.DOWN, why, null, List.of())));
    all.sort(java.util.Comparator.comparing(Status::server));
    return all;
  }

  /**
   * Every server's state as it was last seen, starting none: what the gateway answers while a
   * server takes its time to start ({@link #keepUp} starts them in the background).
   */
  public List<Status> statusNow() {
    List<Status> all = new java.util.ArrayList<>();
    slots.values().forEach(slot -> all.add(slot.seen));
    unusable.forEach(
        (name, why) -> all.add(new Status(name, "not started", State.DOWN, why, null, List.of())));
    all.sort(java.util.Comparator.comparing(Status::server));
    return all;
  }

  /**
   * Keeps the servers up: starts each now, then every {@code every} starts again those that are
   * down once their backoff has passed, each on a thread of its own (a slow server holds up neither
   * the others nor the caller); {@link #close} stops it. Returns at once.
   */
  public synchronized void keepUp(Duration every, java.util.concurrent.ThreadFactory threads) {
    keeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(threads);
    keeper.scheduleWithFixedDelay(
        () ->
            slots
                .values()
                .forEach(
                    slot -> {
                      if (slot.busy.compareAndSet(false, true)) {
                        threads
                            .newThread(
                                () -> {
                                  try {
                                    slot.status();
                                  } finally {
                                    slot.busy.set(false);
                                  }
                                })
                            .start();
                      }
                    }),
        0,
        every.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** One server's state, started (or retried) first when due; empty when it is not configured. */
  public Optional<Status> status(String server) {
    return Optional.ofNullable(slots.get(server)).map(Slot::status);
  }

  /** The tool {@code tool} of {@code server} as it offers it now; empty when it has none. */
  public Optional<ServerTool> tool(String server, String tool) {
    Slot slot = slots.get(server);
    if (slot == null) {
      return Optional.empty();
    }
    return slot.status().tools().stream().filter(t -> t.name().equals(tool)).findFirst();
  }

  /**
   * Calls a tool; a call that fails to get an answer (the server crashed, hung past its timeout)
   * takes the server down, to be started again after its backoff.
   *
   * @throws ToolServer.Unavailable with the reason
   */
  public ToolAnswer call(String server, String tool, String argumentsJson) {
    Slot slot = slots.get(server);
    if (slot == null) {
      throw new ToolServer.Unavailable(
          unusable.containsKey(server)
              ? server + " cannot start: " + unusable.get(server)
              : "no MCP server " + server + "; configured: " + names());
    }
    ToolServer running;
    synchronized (slot) {
      slot.ensure();
      if (slot.running == null) {
        throw new ToolServer.Unavailable(server + " is down: " + slot.reason);
      }
      running = slot.running;
    }
    try {
      ToolAnswer answer = running.call(tool, argumentsJson, slot.spec.timeout());
      slot.answered();
      return answer;
    } catch (ToolServer.Unavailable e) {
      slot.downIf(running, e.getMessage());
      throw e;
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (keeper != null) {
        keeper.shutdownNow();
      }
    }
    for (Slot slot : slots.values()) {
      synchronized (slot) {
        if (slot.running != null) {
          slot.running.close();
          slot.running = null;
        }
      }
    }
  }
}
