package dev.gitopscrew.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.TestStores;
import dev.gitopscrew.testing.MovingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation memory on the state store: per place, bounded in count, age and size. */
class ConversationMemoryTest {

  @TempDir Path dir;
  StateStore store;

  /** A clock the test moves by hand. */
  final MovingClock clock = new MovingClock("2026-12-03T10:00:00Z");

  ConversationMemory memory;

  @BeforeEach
  void open() {
    store = TestStores.open(dir);
    memory = new ConversationMemory(store.dataSource(), clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aPlaceRemembersItsTurnsOldestFirstWithTheSessionsTheyStarted() {
    memory.remember(
        "discord:42",
        1,
        "bump whoami to v1.10.4 in demo",
        "Opened the change.",
        List.of(new ConversationMemory.Started(2, "edit demo deployment/whoami succeeded")));
    clock.advance(java.time.Duration.ofSeconds(60));
    memory.remember("discord:42", 3, "now label it type:docs", "Labelled.", List.of());
    memory.remember("cli:ada", 4, "why is grafana degraded?", "It is not.", List.of());

    List<ConversationMemory.Turn> turns = memory.recall("discord:42");

    assertThat(turns)
        .extracting(ConversationMemory.Turn::text)
        .containsExactly("bump whoami to v1.10.4 in demo", "now label it type:docs");
    assertThat(turns.get(0).started())
        .containsExactly(
            new ConversationMemory.Started(2, "edit demo deployment/whoami succeeded"));
    assertThat(turns.get(0).sessionId()).isEqualTo(1);
    assertThat(memory.recall("cli:ada")).hasSize(1);
    assertThat(memory.recall("discord:43")).isEmpty();
  }

  @Test
  void onlyTheNewestTurnsOfAPlaceAreKept() {
    for (int i = 1; i <= ConversationMemory.MAX_TURNS + 5; i++) {
      memory.remember("pr:demo#5", i, "turn " + i, "answer " + i, List.of());
      memory.remember("pr:demo#6", 100 + i, "other " + i, "answer", List.of());
    }

    List<ConversationMemory.Turn> turns = memory.recall("pr:demo#5");

    assertThat(turns).hasSize(ConversationMemory.MAX_TURNS);
    assertThat(turns.get(0).text()).isEqualTo("turn 6");
    assertThat(turns.get(turns.size() - 1).text()).isEqualTo("turn 15");
    assertThat(rows("pr:demo#5")).isEqualTo(ConversationMemory.MAX_TURNS);
    assertThat(rows("pr:demo#6")).isEqualTo(ConversationMemory.MAX_TURNS);
  }

  @Test
  void turnsOlderThanADayAreForgottenAndPrunedOnTheNextWrite() {
    memory.remember("cli:ada", 1, "restart homepage", "Restarted.", List.of());
    memory.remember("api:bot", 2, "scan demo", "Scanned.", List.of());
    clock.advance(ConversationMemory.MAX_AGE.plus(Duration.ofMinutes(1)));

    assertThat(memory.recall("cli:ada")).isEmpty();
    assertThat(rows("api:bot")).isEqualTo(1);

    memory.remember("cli:ada", 3, "and restart it again", "Restarted.", List.of());

    assertThat(memory.recall("cli:ada"))
        .extracting(ConversationMemory.Turn::text)
        .containsExactly("and restart it again");
    assertThat(rows("api:bot")).isZero();
  }

  @Test
  void textsAndSessionLinesAreClippedToTheirBounds() {
    String long1 = "a".repeat(5_000);
    String line = "edit demo " + "b".repeat(1_000) + "\nsecond line";
    List<ConversationMemory.Started> many = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new ConversationMemory.Started(10 + i, line));
    }

    memory.remember("cli:ada", 1, long1, long1, many);

    ConversationMemory.Turn turn = memory.recall("cli:ada").get(0);
    assertThat(turn.text()).hasSize(ConversationMemory.MAX_TEXT).endsWith("…");
    assertThat(turn.answer()).hasSize(ConversationMemory.MAX_TEXT);
    assertThat(turn.started()).hasSize(ConversationMemory.MAX_STARTED);
    assertThat(turn.started().get(0).line())
        .hasSize(ConversationMemory.MAX_STARTED_LINE)
        .doesNotContain("\n");
  }

  @Test
  void thePlaceIsTheOneTheAskNamesElseItsOrigin() {
    Origin ada = new Origin("cli", "ada");

    assertThat(ConversationMemory.placeOf(new Ask("restart it"), ada)).isEqualTo("cli:ada");
    assertThat(ConversationMemory.placeOf(new Ask("restart it").at("discord:42"), ada))
        .isEqualTo("discord:42");
    assertThat(
            ConversationMemory.placeOf(
                new Ask("label it")
                    .at(ConversationMemory.pullRequest("demo", 5))
                    .from("homelab-admin", "pull-request", null, null),
                ada))
        .isEqualTo("pr:demo#5");
  }

  private int rows(String place) {
    try (var c = store.dataSource().getConnection();
        var s = c.prepareStatement("SELECT COUNT(*) FROM conversation_turns WHERE place = ?")) {
      s.setString(1, place);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
