package dev.gitopscrew.assembly;

import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.settings.CrewContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The crew built on a thread of its own while Quarkus boots: {@code crew serve} begins it, the
 * gateway's beans take it. Opening the store (migrations on a new one) and Quarkus' own start then
 * share the machine's cores instead of running one after the other.
 *
 * <p>It is static because Quarkus builds the gateway's beans itself and takes no object from the
 * process that started it; this is the composition root's one hand-off across that line, taken once
 * by {@code CrewBeans}, and a gateway started without {@code crew serve} (tests) builds its crew
 * through the same {@code Crew.open}.
 */
public final class CrewStart {

  private record Built(Crew crew, CompositeMeterRegistry meters) {}

  private record Started(CrewContext context, CompletableFuture<Built> built) {}

  private static final AtomicReference<Started> STARTED = new AtomicReference<>();

  private CrewStart() {}

  /**
   * Begins building the crew on a thread of its own, once the logging system is set up on the
   * caller's thread: JUL's {@code LogManager} holds its lock while it initialises JBoss' {@code
   * LogContext} class, and {@code LogContext}'s initialiser takes that lock, so the main thread
   * (Quarkus' start-up logging) and this one (Micrometer finding its logger) doing it at once
   * deadlocked a start now and then, for ever, before its first log line.
   */
  public static void begin(CrewContext context) {
    java.util.logging.LogManager.getLogManager().getLogger("");
    org.jboss.logging.Logger.getLogger(CrewStart.class);
    CompletableFuture<Built> built = new CompletableFuture<>();
    Thread opening =
        new Thread(
            () -> {
              try {
                // the registry too: Micrometer's first one costs 30 ms of finding its logger
                CompositeMeterRegistry meters = new CompositeMeterRegistry();
                built.complete(new Built(Crew.open(context, new CrewMetrics(meters)), meters));
              } catch (Throwable e) {
                built.completeExceptionally(e);
              }
            },
            "crew-start");
    opening.setDaemon(true);
    opening.start();
    STARTED.set(new Started(context, built));
  }

  /** The context the early crew was begun with, if one was. */
  public static Optional<CrewContext> context() {
    return Optional.ofNullable(STARTED.get()).map(Started::context);
  }

  /**
   * The early crew, once (waiting for it to be built), its meters now also in {@code registry};
   * empty when none was begun. A failure to build it is thrown here, as {@link Crew#open} would.
   */
  public static Optional<Crew> take(MeterRegistry registry) {
    Started started = STARTED.getAndSet(null);
    if (started == null) {
      return Optional.empty();
    }
    try {
      Built built = started.built().join();
      built.meters().add(registry);
      return Optional.of(built.crew());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
