package dev.gitopscrew.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest's reading of the store on the crew's own store (PostgreSQL in CI, H2 otherwise):
 * requests of the span by state, the one that failed with why, and a second digest of the same
 * requester starting where the first ended.
 */
@Tag("store")
class DigestOnTheStoreTest {

  private static final ChannelScope CLI = ChannelScope.unrestricted("the command line");

  @TempDir Path dir;

  @Test
  void theDigestCountsTheSpansRequestsAndTheNextStartsWhereItEnded() throws Exception {
    Path state = dir.resolve("state");
    try (Crew crew =
        Crew.open(CrewContext.load(Optional.empty(), Optional.of(state), TestStores.env(state)))) {
      Origin ada = new Origin("cli", "ada");
      crew.runRequest()
          .runText("restart deployment/homepage in apps", Optional.empty(), CLI, ada, true);
      crew.runRequest().runText("release plan demo", Optional.empty(), CLI, ada, true);

      Origin digests = new Origin("schedule", "daily-digest");
      String first = digest(crew, digests);
      assertThat(first)
          .contains("requests: 2 (1 failed, 1 succeeded)")
          .contains("went wrong:\n- #")
          .contains(" restart deployment/homepage in apps (devops-sre failed: Kubernetes: not")
          .contains("incidents: none\napprovals waiting: none\nreleases waiting: none");

      assertThat(digest(crew, digests))
          .as("the second starts where the first ended; the first digest is before it")
          .contains("requests: none\nwent wrong: none");
    }
  }

  private static String digest(Crew crew, Origin origin) throws Exception {
    RequestOutcome.Ran ran =
        (RequestOutcome.Ran)
            crew.runRequest().runText("digest", Optional.empty(), CLI, origin, true);
    assertThat(ran.root().state()).as(ran.root().detail()).isEqualTo("succeeded");
    return ran.root().detail();
  }
}
