package dev.gitopscrew.git.testing;

import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A session's door whose audit records are kept in memory for the test to read. */
public final class RecordedEffects implements AuditLog {

  private final List<AuditRecord> records = new CopyOnWriteArrayList<>();
  private final SideEffects effects;

  public RecordedEffects(String agent, boolean dryRun, String... secrets) {
    this.effects =
        new SideEffects(
            new Actor(1, 2, agent, "test", "tester"),
            dryRun,
            this,
            Redactor.of(List.of(secrets)),
            Clock.systemUTC());
  }

  public RecordedEffects(String agent) {
    this(agent, false);
  }

  public SideEffects door() {
    return effects;
  }

  @Override
  public void append(AuditRecord record) {
    records.add(record);
  }

  public List<AuditRecord> records() {
    return List.copyOf(records);
  }

  /** Each record as {@code kind outcome}, in order. */
  public List<String> kinds() {
    return records.stream().map(r -> r.kind() + " " + r.outcome()).toList();
  }
}
