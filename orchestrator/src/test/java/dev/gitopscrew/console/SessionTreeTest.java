package dev.gitopscrew.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Drill;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill larger than the console draws shows its first sessions and says exactly how many more.
 */
class SessionTreeTest {

  @TempDir Path dir;

  @Test
  void aTreeLargerThanTheConsoleDrawsSaysHowManyMoreItHolds() throws Exception {
    try (Crew crew =
        Crew.open(
            CrewContext.load(
                Optional.empty(),
                Optional.of(dir.resolve("state")),
                dev.gitopscrew.store.TestStores.env(dir.resolve("state"))))) {
      RequestOutcome.Ran ran =
          (RequestOutcome.Ran)
              crew.runRequest()
                  .run(
                      new Drill(320, 0, 0, 0),
                      Optional.empty(),
                      ChannelScope.unrestricted("test"),
                      new Origin("console", "console:alice"),
                      true);
      int inAll = crew.engine().tree(ran.rootId()).size();
      assertThat(inAll).isGreaterThan(SessionTree.NODES);

      SessionTree drawn =
          SessionTree.read(
              crew.consoleReads(), new ArtifactLink(Map.of()), ran.rootId(), ran.rootId());

      assertThat(drawn.shown()).isEqualTo(SessionTree.NODES);
      assertThat(drawn.total()).isEqualTo(inAll);
      assertThat(drawn.hidden()).isEqualTo(inAll - SessionTree.NODES);
      assertThat(drawn.live()).isFalse();
      assertThat(drawn.roots())
          .singleElement()
          .satisfies(r -> assertThat(r.session().agent()).isEqualTo("homelab-admin"));
    }
  }
}
