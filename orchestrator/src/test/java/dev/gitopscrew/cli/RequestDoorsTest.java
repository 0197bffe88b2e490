package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.channel.SlashCommands;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.model.RequestTools;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.Greeting;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every kind of the request catalogue through every door: the CLI's {@code crew request}, {@code
 * crew ask}'s words, a chat message, a slash command's typed options, a {@code /crew} pull request
 * comment, the API's typed JSON, a model's function call and a schedule line. Each door makes the
 * same typed request from the same values and it runs end to end (the local forge, Fabric8's mock
 * API server), or the door refuses it with the reason its descriptor gives. A kind that lives only
 * in a test fixture reaches every door too, though no door's code knows it.
 */
@EnableKubernetesMockClient(crud = true)
class RequestDoorsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImNyZXctZG9vcnMifQ.mock-token";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;

  /** The values a typed door sends for {@code kind}: each required field's example. */
  static Map<String, Object> example(RequestKind kind, int pullRequest) {
    Map<String, Object> values = new LinkedHashMap<>();
    boolean onTheCluster = kind.field(Field.Context.REPOSITORY).isEmpty();
    for (Field f : kind.fields()) {
      if (f.required()
          || f.name().equals("dryRun")
          || (onTheCluster && f.name().equals("namespace"))
          || f.context() == Field.Context.PULL_REQUEST) {
        values.put(
            f.name(),
            switch (f.type()) {
              case INTEGER ->
                  f.context() == Field.Context.PULL_REQUEST
                      ? pullRequest
                      : Integer.parseInt(f.example());
              case BOOLEAN -> true;
              default -> f.example();
            });
      }
    }
    return values;
  }

  /** The request {@code door} makes of {@code values}, through that door's own derivation. */
  static Request through(
      Door door, RequestCatalogue catalogue, RequestKind kind, Map<String, Object> values, int pr)
      throws Exception {
    return switch (door) {
      case ASK, CHAT, SCHEDULE ->
          // a value with no words (a file's content) leaves the kind's name, which the door refuses
          catalogue.parse(kind.words(values, Set.of()).orElse(kind.name()), door, false);
      case PR_COMMENT ->
          catalogue.parse(
              kind.words(values, Set.of(Field.Context.REPOSITORY, Field.Context.PULL_REQUEST))
                  .orElse(kind.name()),
              door,
              Map.of(Field.Context.REPOSITORY, "demo", Field.Context.PULL_REQUEST, pr),
              false);
      case SLASH -> {
        // as Discord hands the options over: dashed names, integers as longs
        Map<String, Object> options = new LinkedHashMap<>();
        SlashCommands.Command command =
            SlashCommands.of(catalogue).stream()
                .filter(c -> c.name().equals(kind.id()))
                .findFirst()
                .orElseThrow();
        for (Field f : kind.fields()) {
          Object v = values.get(f.name());
          if (v != null) {
            assertThat(command.options()).anyMatch(o -> o.name().equals(f.optionName()));
            options.put(f.optionName(), v instanceof Integer i ? (Object) i.longValue() : v);
          }
        }
        yield catalogue.typed(command.kind().id(), options, door, Map.of());
      }
      case API -> {
        Map<String, Object> body = new LinkedHashMap<>(values);
        body.put("kind", kind.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> posted = JSON.readValue(JSON.writeValueAsString(body), Map.class);
        yield catalogue.typed((String) posted.remove("kind"), posted, door, Map.of());
      }
      case MODEL ->
          RequestTools.of(catalogue).stream()
              .filter(f -> f.name().equals(kind.functionName()))
              .findFirst()
              .orElseThrow()
              .request(JSON.valueToTree(values));
      case COMMAND_LINE -> {
        List<String> args = new ArrayList<>(List.of("request", kind.id()));
        for (Field f : kind.fields()) {
          Object v = values.get(f.name());
          if (v instanceof Boolean b) {
            if (b) {
              args.add("--" + f.optionName());
            }
          } else if (v != null) {
            args.add("--" + f.optionName());
            args.add(String.valueOf(v));
          }
        }
        CommandLine cli = new CommandLine(new RequestsCommand());
        RequestsCommand.addKinds(cli, catalogue, Map.of());
        CommandLine.ParseResult parsed =
            cli.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        yield ((RunKind) parsed.subcommand().commandSpec().userObject()).request();
      }
    };
  }

  @Test
  void everyKindAtEveryDoorIsTheSameRequestAndRunsEndToEndOrTheDoorSaysWhyNot() throws Exception {
    ClusterFixture.allowAccessReviews(server);
    resetCluster();
    Map<String, String> env = new HashMap<>(TestStores.env(dir.resolve("state")));
    env.put("KUBECONFIG", ClusterFixture.kubeconfig(dir, client, TOKEN).toString());
    try (Crew crew =
        Crew.open(CrewContext.load(Optional.empty(), Optional.of(dir.resolve("state")), env))) {
      RequestCatalogue catalogue = crew.runRequest().catalogue();
      // a pull request to validate, scan, label and merge
      RequestOutcome opened =
          run(crew, catalogue.parse("edit demo deployment/whoami replicas 2", Door.ASK, false));
      assertThat(((RequestOutcome.Ran) opened).succeeded()).isTrue();
      int pr = 2;

      List<String> table = new ArrayList<>();
      for (RequestKind kind : catalogue.kinds()) {
        Map<String, Object> values = example(kind, pr);
        for (Door door : Door.values()) {
          String cell = kind.name() + " @ " + door;
          if (!kind.offeredAt(door)) {
            if (door == Door.SLASH || door == Door.MODEL || door == Door.COMMAND_LINE) {
              // a door that lists its commands does not list it at all
              assertThat(SlashCommands.of(catalogue).stream().map(SlashCommands.Command::name))
                  .doesNotContain(door == Door.SLASH ? kind.id() : "");
              assertThat(RequestTools.of(catalogue).stream().map(RequestTools.Function::name))
                  .doesNotContain(door == Door.MODEL ? kind.functionName() : "");
            }
            assertThatThrownBy(() -> catalogue.typed(kind.id(), values, door, Map.of()))
                .as(cell)
                .hasMessageContaining(kind.whyNotAt(door).orElseThrow());
            if (door.isText()) {
              assertThatThrownBy(() -> through(door, catalogue, kind, values, pr))
                  .as(cell)
                  .hasMessageContaining(kind.whyNotAt(door).orElseThrow());
            }
            table.add(cell + ": not offered, " + kind.whyNotAt(door).orElseThrow());
            continue;
          }
          Map<String, Object> expectedValues = new LinkedHashMap<>(values);
          if (door == Door.PR_COMMENT) {
            kind.field(Field.Context.PULL_REQUEST).ifPresent(f -> expectedValues.put(f.name(), pr));
            // a repository left out (release due) is the pull request's
            kind.field(Field.Context.REPOSITORY)
                .ifPresent(f -> expectedValues.putIfAbsent(f.name(), "demo"));
          }
          Request expected = catalogue.typed(kind.id(), expectedValues, door, Map.of());
          Request request = through(door, catalogue, kind, values, pr);
          assertThat(RequestJson.write(request)).as(cell).isEqualTo(RequestJson.write(expected));
          resetCluster();
          // a text door's words go through the use case its adapter calls (redaction, the
          // place a pull request supplies); the typed doors hand their record over as made
          RequestOutcome outcome =
              door.isText() ? runWords(crew, door, kind, values, pr) : run(crew, request);
          assertThat(outcome).as(cell + " " + outcome).isInstanceOf(RequestOutcome.Ran.class);
          RequestOutcome.Ran ran = (RequestOutcome.Ran) outcome;
          assertThat(ran.agent()).as(cell).isEqualTo(kind.owner().id());
          if (!List.of("succeeded", "awaiting_approval").contains(ran.root().state())) {
            assertThat(ran.root().detail())
                .as(cell + " " + ran.root().state())
                .contains(VERDICTS.getOrDefault(kind.name(), "(a success)"));
          }
          table.add(cell + ": " + ran.root().state() + " " + firstLine(ran.root().detail()));
        }
      }
      assertThat(table).hasSize(catalogue.kinds().size() * Door.values().length);
    }
  }

  @Test
  void aKindDefinedOnlyInATestFixtureReachesEveryDoor() throws Exception {
    RequestCatalogue catalogue = RequestCatalogue.standard().with(Greeting.KIND);
    RequestKind greet = catalogue.kind("greet").orElseThrow();
    Map<String, Object> values = Map.of("repository", "demo", "who", "world", "loud", true);
    for (Door door : Door.values()) {
      Map<String, Object> expected = new LinkedHashMap<>(values);
      assertThat(through(door, catalogue, greet, values, 5))
          .as(door.toString())
          .isEqualTo(new Greeting("demo", "world", 1, true));
    }
    assertThat(SlashCommands.of(catalogue)).anyMatch(c -> c.name().equals("greet"));
    assertThat(RequestTools.of(catalogue)).anyMatch(f -> f.name().equals("greet"));
    assertThat(dev.gitopscrew.channel.pr.CrewCommand.helpText(catalogue))
        .contains("`/crew greet WHO [times TIMES] [loud]`");
    CommandLine cli = new CommandLine(new RequestsCommand());
    RequestsCommand.addKinds(cli, catalogue, Map.of());
    assertThat(cli.getSubcommands()).containsKey("greet");
    assertThat(cli.getSubcommands().get("greet").getUsageMessage())
        .contains("--who=WHO", "--times=N", "--loud");
  }

  /**
   * What the examples name, as it was: grafana's Deployment, Application, ExternalSecret and a pod.
   * Put back before every request, since the mock API server carries out a dry run's write.
   */
  static final List<String> CLUSTER =
      List.of(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: grafana, namespace: monitoring, generation: 1}
          spec: {replicas: 1}
          status: {observedGeneration: 1, replicas: 1, readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1}
          """,
          """
          apiVersion: argoproj.io/v1alpha1
          kind: Application
          metadata: {name: grafana, namespace: argocd, generation: 2}
          spec:
            project: default
            source: {repoURL: "local://demo", path: k8s/apps/grafana, targetRevision: main}
            destination: {server: "https://kubernetes.default.svc", namespace: monitoring}
          status:
            health: {status: Healthy}
            sync: {status: Synced, revision: 9f2c1e7a4b}
            operationState: {phase: Running, message: waiting for a hook}
            resources:
              - {group: apps, version: v1, kind: Deployment, namespace: monitoring, name: grafana, health: {status: Healthy}}
          """,
          """
          apiVersion: external-secrets.io/v1
          kind: ExternalSecret
          metadata: {name: grafana, namespace: monitoring}
          status:
            refreshTime: "2026-11-30T18:49:00Z"
            conditions: [{type: Ready, status: "True"}]
          """,
          """
          apiVersion: v1
          kind: Pod
          metadata: {name: grafana, namespace: monitoring, labels: {app: grafana}}
          spec: {containers: [{name: grafana, image: grafana/grafana:11.2.0}]}
          status: {phase: Running, conditions: [{type: Ready, status: "True"}], containerStatuses: [{name: grafana, ready: true, restartCount: 0, image: "grafana/grafana:11.2.0", imageID: "", state: {running: {startedAt: "2026-11-30T18:40:00Z"}}}]}
          """);

  @SuppressWarnings("unchecked")
  private void resetCluster() {
    for (String yaml : CLUSTER) {
      Map<String, Object> object =
          io.fabric8.kubernetes.client.utils.Serialization.unmarshal(yaml, Map.class);
      Map<String, Object> meta = (Map<String, Object>) object.get("metadata");
      client
          .genericKubernetesResources(
              ClusterFixture.definition(
                  (String) object.get("apiVersion"), (String) object.get("kind")))
          .inNamespace((String) meta.get("namespace"))
          .withName((String) meta.get("name"))
          .delete();
      ClusterFixture.create(client, yaml);
    }
  }

  /** The verdicts that are an action's real answer, not a door's fault: what the demo holds. */
  static final Map<String, String> VERDICTS =
      Map.of(
          // the pull request the edit opened fails the demo's own pre-merge checks
          "validate", "Validated demo pull request #2");

  private static RequestOutcome run(Crew crew, Request request) throws InterruptedException {
    return crew.runRequest()
        .run(
            request,
            Optional.empty(),
            ChannelScope.unrestricted("the doors test"),
            new Origin("cli", "ada"),
            true);
  }

  private static RequestOutcome runWords(
      Crew crew, Door door, RequestKind kind, Map<String, Object> values, int pr)
      throws InterruptedException {
    boolean onPullRequest = door == Door.PR_COMMENT;
    Set<Field.Context> supplied =
        onPullRequest ? Set.of(Field.Context.REPOSITORY, Field.Context.PULL_REQUEST) : Set.of();
    Map<Field.Context, Object> place =
        onPullRequest
            ? Map.of(Field.Context.REPOSITORY, "demo", Field.Context.PULL_REQUEST, pr)
            : Map.of();
    return crew.runRequest()
        .runText(
            kind.words(values, supplied).orElse(kind.name()),
            door,
            place,
            null,
            Optional.empty(),
            ChannelScope.unrestricted("the doors test"),
            new Origin("cli", "ada"),
            true,
            false);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
