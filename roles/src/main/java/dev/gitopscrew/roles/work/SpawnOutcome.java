package dev.gitopscrew.roles.work;

/** What a spawn request got: a session, or a refusal whose reason names the limit. */
public sealed interface SpawnOutcome {

  record Spawned(long sessionId) implements SpawnOutcome {}

  record Refused(String reason) implements SpawnOutcome {}
}
