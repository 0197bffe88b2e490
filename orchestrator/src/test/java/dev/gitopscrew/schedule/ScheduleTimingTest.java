package dev.gitopscrew.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Slots as cron-utils computes them in a zone, every-so-long slots, and active hours. */
class ScheduleTimingTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Schedule cron(String expression) {
    return new ScheduleSpec("s", expression, null, null, "scan demo", null, null, null, null, null)
        .read(PARIS, RequestCatalogue.standard(), false);
  }

  @Test
  void aCronSlotIsInItsZoneAcrossASummerTimeChange() {
    Schedule weekly = cron("0 7 * * 1");
    // Monday 2026-12-14 07:00 in Paris is 06:00 UTC (winter)
    assertThat(weekly.nextAfter(Instant.parse("2026-12-07T10:00:00Z")))
        .contains(Instant.parse("2026-12-14T06:00:00Z"));
    // Monday 2027-03-29 07:00 in Paris is 05:00 UTC (summer time began on the 28th)
    assertThat(weekly.nextAfter(Instant.parse("2027-03-23T00:00:00Z")))
        .contains(Instant.parse("2027-03-29T05:00:00Z"));
  }

  @Test
  void theSlotAtOrBeforeAnInstantIncludesTheInstantItself() {
    ScheduleTiming minutes = cron("*/15 * * * *").timing();
    assertThat(minutes.atOrBefore(Instant.parse("2026-12-07T10:15:00Z")))
        .contains(Instant.parse("2026-12-07T10:15:00Z"));
    assertThat(minutes.atOrBefore(Instant.parse("2026-12-07T10:29:59.999Z")))
        .contains(Instant.parse("2026-12-07T10:15:00Z"));
    assertThat(minutes.atOrBefore(Instant.parse("2026-12-07T10:14:59.999Z")))
        .contains(Instant.parse("2026-12-07T10:00:00Z"));
  }

  @Test
  void everyCountsFromTheEpoch() {
    ScheduleTiming every = new ScheduleTiming.EveryTiming("2h", java.time.Duration.ofHours(2));
    assertThat(every.atOrBefore(Instant.parse("2026-12-07T11:59:59Z")))
        .contains(Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(every.after(Instant.parse("2026-12-07T10:00:00Z")))
        .contains(Instant.parse("2026-12-07T12:00:00Z"));
  }

  @Test
  void activeHoursMayCrossMidnightAndEndAt24() {
    ActiveHours night = new ActiveHours(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("UTC"));
    assertThat(night.contains(Instant.parse("2026-12-07T23:00:00Z"))).isTrue();
    assertThat(night.contains(Instant.parse("2026-12-07T05:59:00Z"))).isTrue();
    assertThat(night.contains(Instant.parse("2026-12-07T06:00:00Z"))).isFalse();
    ActiveHours evening = new ActiveHours(LocalTime.of(18, 0), null, ZoneId.of("UTC"));
    assertThat(evening.contains(Instant.parse("2026-12-07T23:59:00Z"))).isTrue();
    assertThat(evening.contains(Instant.parse("2026-12-07T00:00:00Z"))).isFalse();
  }
}
