package dev.gitopscrew.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.assembly.ScheduleWiring;
import dev.gitopscrew.gatewayclient.ApiJson;
import dev.gitopscrew.gatewayclient.GatewayClient;
import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.ScheduleStatus;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.session.SessionSettings;
import dev.gitopscrew.settings.CrewContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code crew schedules} needs: the running gateway's {@code /api/schedules}, else the crew
 * built in this process on the state directory's store.
 */
interface ScheduleAccess extends AutoCloseable {

  List<ScheduleStatus> list();

  /** Runs a schedule now; empty when there is no such schedule. */
  Optional<ScheduleRun> run(String name) throws InterruptedException;

  /** Its newest runs; empty when there is no such schedule. */
  Optional<List<ScheduleRun>> history(String name, int limit);

  @Override
  void close();

  static ScheduleAccess open(CrewContext context, PrintWriter err) {
    return SessionCommands.runningGateway(context, err)
        .<ScheduleAccess>map(
            g ->
                new Remote(
                    g,
                    SessionSettings.limits(context.loaded().config()).runTimeout().plusSeconds(30)))
        .orElseGet(() -> new Local(Crew.openClient(context, CrewCli.waitingForStore(err))));
  }

  /** The schedules of a crew built here. */
  final class Local implements ScheduleAccess {
    // a result handed to the alerts destination is posted before the command ends
    private static final Duration POSTS = Duration.ofSeconds(30);
    private final Crew crew;
    private final Schedules schedules;

    Local(Crew crew) {
      this.crew = crew;
      this.schedules = ScheduleWiring.build(crew);
    }

    @Override
    public List<ScheduleStatus> list() {
      return schedules.list();
    }

    @Override
    public Optional<ScheduleRun> run(String name) throws InterruptedException {
      Optional<ScheduleRun> run = schedules.runNow(name);
      if (run.isPresent() && run.get().posted()) {
        crew.chat().finishPosts(POSTS);
      }
      return run;
    }

    @Override
    public Optional<List<ScheduleRun>> history(String name, int limit) {
      return schedules.history(name, limit);
    }

    @Override
    public void close() {
      crew.close();
    }
  }

  /** The schedules of the running gateway. */
  final class Remote implements ScheduleAccess {
    private static final TypeReference<List<ScheduleStatus>> STATUSES = new TypeReference<>() {};
    private static final TypeReference<List<ScheduleRun>> RUNS = new TypeReference<>() {};
    private final GatewayClient gateway;
    private final Duration runTimeout;

    Remote(GatewayClient gateway, Duration runTimeout) {
      this.gateway = gateway;
      this.runTimeout = runTimeout;
    }

    @Override
    public List<ScheduleStatus> list() {
      return ApiJson.MAPPER.convertValue(gateway.get("/api/schedules"), STATUSES);
    }

    @Override
    public Optional<ScheduleRun> run(String name) {
      return unlessMissing(
          () ->
              ApiJson.MAPPER.convertValue(
                  gateway.post("/api/schedules/" + name + "/run", Map.of(), runTimeout),
                  ScheduleRun.class));
    }

    @Override
    public Optional<List<ScheduleRun>> history(String name, int limit) {
      return unlessMissing(
          () ->
              ApiJson.MAPPER.convertValue(
                  gateway.get("/api/schedules/" + name + "/history?limit=" + limit), RUNS));
    }

    private static <T> Optional<T> unlessMissing(java.util.function.Supplier<T> call) {
      try {
        return Optional.of(call.get());
      } catch (GatewayClient.GatewayError e) {
        if (e.status() == 404) {
          return Optional.empty();
        }
        throw e;
      }
    }

    @Override
    public void close() {}
  }
}
