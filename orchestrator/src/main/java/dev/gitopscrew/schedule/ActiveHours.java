package dev.gitopscrew.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The hours of the day a schedule runs in, OpenClaw's heartbeat {@code activeHours}: from {@code
 * start} (included) to {@code end} (excluded), across midnight when {@code end} comes first; an end
 * of {@code 24:00} is the end of the day.
 *
 * @param end null for the end of the day
 */
public record ActiveHours(LocalTime start, LocalTime end, ZoneId zone) {

  public boolean contains(Instant instant) {
    LocalTime t = instant.atZone(zone).toLocalTime();
    if (end == null) {
      return !t.isBefore(start);
    }
    if (!end.isBefore(start)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }

  public String describe() {
    return start + "-" + (end == null ? "24:00" : end.toString()) + " " + zone.getId();
  }
}
