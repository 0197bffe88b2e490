package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Change;
import dev.gitopscrew.request.Drill;
import dev.gitopscrew.request.Edit;
import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.request.Label;
import dev.gitopscrew.request.Labels;
import dev.gitopscrew.request.Merge;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Severity;
import dev.gitopscrew.request.Validate;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds that work on a repository: changes, labels, scans, validations, releases. */
final class RepositoryKinds {

  private RepositoryKinds() {}

  static List<RequestKind> all() {
    return List.of(
        RequestKind.named(
                "edit", "Change one manifest (an image, replicas, env, limits, a Helm value).")
            .needs(
                "a repository, an object and one change",
                "edit demo deployment/whoami image whoami=traefik/whoami:v1.10.4")
            .fields(
                repository(),
                Field.word("object", "KIND/NAME, like deployment/whoami", "deployment/whoami"),
                ClusterKinds.namespace(),
                Field.choice("set", "what to change", EditOperation.KINDS.toArray(String[]::new)),
                Field.word(
                    "value",
                    "image: CONTAINER=IMAGE; replicas: N; env: CONTAINER:VAR=VALUE; limits:"
                        + " CONTAINER:cpu=500m,memory=256Mi; helm-value: KEY=VALUE",
                    "whoami=traefik/whoami:v1.10.4"),
                issue(),
                type().typedOnly().optional(),
                labels().after("labels"),
                breaking(),
                Field.dryRun("only show the diff"))
            .owner(KnownAgent.SOFTWARE_ENGINEER, Tool.GIT_CHANGE)
            .writes()
            .builds(
                Edit.class,
                v ->
                    new Edit(
                        v.text("repository"),
                        ObjectRef.parse(v.text("object"), v.optText("namespace")),
                        EditOperation.parse(v.text("set"), v.text("value")),
                        v.optNumber("issue"),
                        v.has("type") ? ChangeType.parse(v.text("type")) : null,
                        v.flag("dryRun"),
                        Labels.parse(v.optText("labels"), v.flag("breaking")))),
        RequestKind.named("change", "Change files in a repository: issue, branch, commit, PR.")
            .needs(
                "a repository, a title and files",
                "crew request change --repository demo --title \"Mention the dashboard\" --files README.md=…")
            .fields(
                repository(),
                Field.text("title", "the issue's and pull request's title", "Run two replicas")
                    .typedOnly(),
                new Field(
                    "files",
                    Field.Type.PAIRS,
                    true,
                    "each file's path and its whole new content",
                    "README.md=# demo",
                    Field.Syntax.TYPED_ONLY,
                    null,
                    List.of(),
                    List.of(),
                    Field.Context.NONE,
                    null,
                    null),
                type().typedOnly().optional(),
                Field.text("summary", "what the change does and why", "Two replicas for HA")
                    .typedOnly()
                    .optional(),
                issue(),
                labels().typedOnly(),
                breaking(),
                Field.dryRun("only show the diff"))
            .owner(KnownAgent.SOFTWARE_ENGINEER, Tool.GIT_CHANGE)
            .writes()
            .notAt(
                "a change needs files, which a line of words cannot carry: use `crew change"
                    + " --file PATH=LOCALFILE`, /change, the API, or describe it to a model; an"
                    + " edit such as `edit demo deployment/whoami image"
                    + " whoami=traefik/whoami:v1.10.4` needs none",
                Door.ASK,
                Door.CHAT,
                Door.PR_COMMENT,
                Door.SCHEDULE)
            .builds(
                Change.class,
                v ->
                    new Change(
                        v.text("repository"),
                        v.has("type") ? ChangeType.parse(v.text("type")) : ChangeType.CHORE,
                        v.text("title"),
                        v.optNumber("issue"),
                        bytes(v.pairs("files")),
                        v.optText("summary"),
                        v.flag("dryRun"),
                        Labels.parse(v.optText("labels"), v.flag("breaking")))),
        RequestKind.named("label", "Add a label to a pull request, or remove it.")
            .needs("a pull request and a label", "label demo#5 type:docs")
            .fields(
                repository(),
                pullRequest().after("pr"),
                Field.word("label", "the label", "type:docs"),
                Field.flag("remove", "remove", "remove the label instead"),
                Field.dryRun("only say what would change"))
            .owner(KnownAgent.SOFTWARE_ENGINEER, Tool.GIT_ISSUE)
            .writes()
            .builds(
                Label.class,
                v ->
                    new Label(
                        v.text("repository"),
                        v.number("pullRequest"),
                        v.text("label"),
                        v.flag("remove"),
                        v.flag("dryRun"))),
        RequestKind.named("scan", "Audit a repository's manifests and RBAC for security findings.")
            .needs("a repository", "scan homelab k8s/apps severity high")
            .fields(
                repository(),
                Field.word("path", "a folder inside it", "k8s/apps").optional(),
                Field.choice(
                        "severity", "the least severity shown", "low", "medium", "high", "critical")
                    .after("severity")
                    .optional(),
                Field.flag("showSuppressed", "show-suppressed", "list suppressed findings too"),
                Field.dryRun("write no issue and no pull request"),
                pullRequest().typedOnly().optional())
            .owner(KnownAgent.SECURITY_ANALYST, Tool.SCAN_MANIFESTS)
            .writes()
            .builds(
                Scan.class,
                v ->
                    new Scan(
                        v.text("repository"),
                        null,
                        v.optText("path"),
                        v.has("severity") ? Severity.parse(v.text("severity")) : null,
                        v.flag("showSuppressed"),
                        v.flag("dryRun"),
                        v.optNumber("pullRequest"))),
        RequestKind.named(
                "validate", "Pre-merge checks of a pull request, or a branch against a base.")
            .needs("a repository", "validate homelab pr 42")
            .fields(
                repository(),
                pullRequest().after("pr").optional(),
                Field.word("base", "the base ref", "v1.2.0").after("base").optional())
            .owner(KnownAgent.QA_TESTER, Tool.VALIDATE_CHANGE)
            .builds(
                Validate.class,
                v ->
                    new Validate(
                        v.text("repository"), null, v.optText("base"), v.optNumber("pullRequest"))),
        RequestKind.named(
                "release plan", "The next release of a repository and why; writes nothing.")
            .needs("a repository", "release plan homelab v1.4.0")
            .fields(repository(), milestone())
            .owner(KnownAgent.HOMELAB_ADMIN, Tool.RELEASE_PLAN)
            .builds(
                ReleasePlan.class,
                v -> new ReleasePlan(v.text("repository"), v.optText("milestone"))),
        RequestKind.named("release cut", "Tag and publish a release.")
            .needs("a repository", "release cut homelab v1.4.0")
            .fields(repository(), milestone(), Field.dryRun("only say what would happen"))
            .owner(KnownAgent.HOMELAB_ADMIN, Tool.RELEASE_CUT)
            .writes()
            .approval("always")
            .builds(
                ReleaseCut.class,
                v ->
                    new ReleaseCut(v.text("repository"), v.optText("milestone"), v.flag("dryRun"))),
        RequestKind.named("merge", "Merge a pull request on the local forge.")
            .needs("a repository and a pull request", "merge demo#4")
            .fields(repository(), pullRequest())
            .owner(KnownAgent.HOMELAB_ADMIN, Tool.FORGE_MERGE)
            .writes()
            .builds(Merge.class, v -> new Merge(v.text("repository"), v.number("pullRequest"))),
        // a load drill is a request like any other so that it meets the same limits, queues, store
        // and audit as real work; its leaves and shares are internal kinds no door offers
        RequestKind.named(
                "drill fanout",
                "A load drill: N leaf workers through the session limits, to see a deployment keep up.")
            .needs("a fan-out", "drill fanout 1000 fail 10 timeout 5 work 20")
            .fields(
                Field.number("leaves", "how many leaf workers", "100", 1, 100_000).optional(),
                Field.number("fail", "percent of leaves that fail", "10", 0, 100)
                    .after("fail")
                    .optional(),
                Field.number("timeout", "percent of leaves that time out", "5", 0, 100)
                    .after("timeout")
                    .optional(),
                Field.number("work", "milliseconds each leaf works", "20", 0, 60_000)
                    .after("work")
                    .optional())
            .owner(KnownAgent.HOMELAB_ADMIN, Tool.SESSIONS_SPAWN)
            .notAt(
                "a drill spawns up to 100,000 sessions: start it from the command line or the API",
                Door.MODEL,
                Door.SLASH,
                Door.CHAT,
                Door.PR_COMMENT,
                Door.SCHEDULE)
            .builds(
                Drill.class,
                v ->
                    new Drill(
                        or(v.optNumber("leaves"), 100),
                        or(v.optNumber("fail"), 10),
                        or(v.optNumber("timeout"), 5),
                        or(v.optNumber("work"), 20))));
  }

  private static int or(Integer value, int otherwise) {
    return value == null ? otherwise : value;
  }

  private static Field repository() {
    return Field.word("repository", "the configured repository's name", "demo")
        .from(Field.Context.REPOSITORY);
  }

  private static Field pullRequest() {
    return Field.number("pullRequest", "the pull request's number", "4", 1, 999_999_999)
        .from(Field.Context.PULL_REQUEST);
  }

  private static Field issue() {
    return Field.number("issue", "the issue it resolves", "12", 1, 999_999_999)
        .typedOnly()
        .optional();
  }

  private static Field type() {
    return Field.choice(
        "type",
        "the kind of change, in the branch, commit and labels",
        Arrays.stream(ChangeType.values()).map(ChangeType::id).toArray(String[]::new));
  }

  /** More labels for a change's issue and pull request, one comma-separated word. */
  private static Field labels() {
    return Field.word(
            "labels",
            "more labels for the issue and pull request, comma-separated; a priority label"
                + " replaces the default one",
            "semver:breaking,priority:high")
        .optional();
  }

  /** The flag that labels a change {@code semver:breaking}: a MAJOR release. */
  private static Field breaking() {
    return Field.flag(
        "breaking",
        "breaking",
        "a breaking change: labelled " + Labels.BREAKING + ", so its release bumps the major");
  }

  private static Field milestone() {
    return Field.word("milestone", "the milestone, vMAJOR.MINOR.PATCH", "v1.4.0").optional();
  }

  private static Map<String, byte[]> bytes(Map<String, String> files) {
    if (files.isEmpty()) {
      throw new BadRequestException("a change needs at least one file");
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    files.forEach((path, text) -> out.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return out;
  }
}
