package dev.gitopscrew.roles.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gitopscrew.cluster.ApiCall;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.request.Drift;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.work.PastResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * devops-sre: the Argo CD Applications out of sync or unhealthy, and the last change to that set
 * (newly troubled, still troubled, recovered), compared with the data the same request left on its
 * previous successful run for the same requester. While the set of troubled names stays the same,
 * the last change is carried over as it was, so the text only changes when something did (a
 * schedule's {@code post: changed} stays quiet).
 */
public final class CheckDrift implements Action<Drift> {

  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** An Application in trouble, as the result lists it. */
  public record Troubled(
      String name, String namespace, String health, String sync, String message) {
    String line() {
      return "- "
          + name
          + ": "
          + health
          + ", "
          + sync
          + (message == null || message.isBlank() ? "" : " — " + message.strip());
    }
  }

  /** What a run saw (its structured data): the next run compares itself with it. */
  public record Seen(
      int applications,
      List<Troubled> troubled,
      List<String> newlyTroubled,
      List<String> stillTroubled,
      List<String> recovered) {
    public Seen {
      troubled = troubled == null ? List.of() : troubled;
      newlyTroubled = newlyTroubled == null ? List.of() : newlyTroubled;
      stillTroubled = stillTroubled == null ? List.of() : stillTroubled;
      recovered = recovered == null ? List.of() : recovered;
    }
  }

  private final ClusterAccess access;
  private final PastResults past;

  public CheckDrift(ClusterAccess access, PastResults past) {
    this.access = access;
    this.past = past;
  }

  @Override
  public Class<Drift> handles() {
    return Drift.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.CLUSTER_READ);
  }

  @Override
  public String run(Drift request, ActionContext context) {
    List<KubeObject> apps;
    try {
      access
          .guard()
          .require(ApiCall.of("list", ResourceType.APPLICATION, request.namespace(), null));
      apps = access.forSession(context).list(ResourceType.APPLICATION, request.namespace());
    } catch (ClusterRefusedException | ClusterCallException e) {
      throw new ActionFailedException(e.getMessage());
    }
    Optional<Seen> before =
        past.lastData(
                context.assignment().origin(), context.agent().id(), request, context.sessionId())
            .flatMap(CheckDrift::read);
    Seen now = compare(troubled(apps), apps.size(), before);
    context.data(now);
    return render(now);
  }

  /** The Applications not both Healthy and Synced, sorted by name. */
  static List<Troubled> troubled(List<KubeObject> apps) {
    List<Troubled> out = new ArrayList<>();
    for (KubeObject object : apps) {
      AppStatus app = AppStatus.of(object);
      if (!app.health().equals("Healthy") || !app.sync().equals("Synced")) {
        // the last sync's message, when it did not succeed, says what the health does not
        String message =
            !app.healthMessage().isBlank() || app.operationPhase().equals("Succeeded")
                ? app.healthMessage()
                : app.operationMessage();
        out.add(new Troubled(app.name(), app.namespace(), app.health(), app.sync(), message));
      }
    }
    out.sort(
        Comparator.comparing(Troubled::name)
            .thenComparing(t -> t.namespace() == null ? "" : t.namespace()));
    return out;
  }

  /** This run against the previous one: the same troubled names keep the last change as it was. */
  static Seen compare(List<Troubled> troubled, int applications, Optional<Seen> before) {
    Set<String> now = names(troubled);
    Set<String> then = before.map(b -> names(b.troubled())).orElse(Set.of());
    if (before.isPresent() && now.equals(then)) {
      Seen b = before.get();
      return new Seen(applications, troubled, b.newlyTroubled(), b.stillTroubled(), b.recovered());
    }
    return new Seen(
        applications,
        troubled,
        now.stream().filter(n -> !then.contains(n)).toList(),
        now.stream().filter(then::contains).toList(),
        then.stream().filter(n -> !now.contains(n)).toList());
  }

  static String render(Seen seen) {
    StringBuilder out = new StringBuilder();
    if (seen.troubled().isEmpty()) {
      out.append("all ").append(seen.applications()).append(" applications Synced and Healthy");
    } else {
      out.append(seen.troubled().size())
          .append(" of ")
          .append(seen.applications())
          .append(" applications out of sync or unhealthy:");
      seen.troubled().forEach(t -> out.append('\n').append(t.line()));
    }
    List<String> change = new ArrayList<>();
    part(change, "newly troubled", seen.newlyTroubled());
    part(change, "still troubled", seen.stillTroubled());
    part(change, "recovered", seen.recovered());
    if (!seen.newlyTroubled().isEmpty() || !seen.recovered().isEmpty()) {
      out.append("\nlast change: ").append(String.join("; ", change));
    }
    return out.toString();
  }

  private static void part(List<String> out, String label, List<String> names) {
    if (!names.isEmpty()) {
      out.add(label + ": " + String.join(", ", names));
    }
  }

  private static Set<String> names(List<Troubled> troubled) {
    Set<String> out = new TreeSet<>();
    troubled.forEach(t -> out.add(t.name()));
    return out;
  }

  private static Optional<Seen> read(String json) {
    try {
      return Optional.of(JSON.readValue(json, Seen.class));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // not what a drift run leaves: compare with nothing
    }
  }
}
