package dev.gitopscrew.roles.catalogue;

import dev.gitopscrew.request.Digest;
import dev.gitopscrew.request.ReleaseDue;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import java.util.List;

/**
 * The checks a schedule runs to keep people informed (docs/schedules.md), which any door may ask
 * for too: the digest of what happened, and merged work waiting for a release. ({@code drift}, a
 * cluster read, is among the cluster kinds.)
 */
final class CheckKinds {

  private CheckKinds() {}

  static List<RequestKind> all() {
    return List.of(
        RequestKind.named(
                "digest",
                "What happened since the last digest: requests, failures, incidents, approvals,"
                    + " releases.")
            .needs("nothing", "digest")
            .fields(
                Field.number("days", "how far back the first digest looks (default 1)", "7", 1, 365)
                    .after("days")
                    .optional())
            .owner(KnownAgent.HOMELAB_ADMIN, Tool.SESSIONS_READ)
            .builds(Digest.class, v -> new Digest(or(v.optNumber("days"), 1))),
        RequestKind.named(
                "release due",
                "Merged pull requests no release has shipped for N days or more; writes nothing.")
            .needs("nothing, or a repository", "release due demo after 7")
            .fields(
                Field.word("repository", "one configured repository (default: every one)", "demo")
                    .from(Field.Context.REPOSITORY)
                    .optional(),
                Field.number(
                        "days",
                        "how many days merged work may wait (default "
                            + ReleaseDue.DEFAULT_DAYS
                            + ")",
                        "7",
                        0,
                        3650)
                    .after("after")
                    .optional())
            .owner(KnownAgent.HOMELAB_ADMIN, Tool.RELEASE_PLAN)
            .builds(
                ReleaseDue.class,
                v ->
                    new ReleaseDue(
                        v.optText("repository"),
                        or(v.optNumber("days"), ReleaseDue.DEFAULT_DAYS))));
  }

  private static int or(Integer value, int otherwise) {
    return value == null ? otherwise : value;
  }
}
