package dev.gitopscrew.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test moves by hand; nothing else moves it. */
public final class MovingClock extends Clock {

  private volatile Instant now;

  public MovingClock(String start) {
    now = Instant.parse(start);
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  public void set(String instant) {
    now = Instant.parse(instant);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
