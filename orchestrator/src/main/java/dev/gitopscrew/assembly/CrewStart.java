package dev.gitopscrew.assembly;

import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.runtime.CrewContext;
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
 */
public final class CrewStart {

  private record Started(
      CrewContext context, CompositeMeterRegistry meters, CompletableFuture<Crew> crew) {}

  private static final AtomicReference<Started> STARTED = new AtomicReference<>();

  private CrewStart() {}

  public static void begin(CrewContext context) {
    CompositeMeterRegistry meters = new CompositeMeterRegistry();
    CompletableFuture<Crew> crew = new CompletableFuture<>();
    Thread opening =
        new Thread(
            () -> {
              try {
                crew.complete(Crew.open(context, new CrewMetrics(meters)));
              } catch (Throwable e) {
                crew.completeExceptionally(e);
              }
            },
            "crew-start");
    opening.setDaemon(true);
    opening.start();
    STARTED.set(new Started(context, meters, crew));
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
    started.meters().add(registry);
    try {
      return Optional.of(started.crew().join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
