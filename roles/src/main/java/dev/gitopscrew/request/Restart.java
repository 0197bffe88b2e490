package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Objects;

/** A rollout restart of a workload (devops-sre). */
@JsonTypeName("restart")
public record Restart(Workload workload, boolean dryRun) implements Request {

  public Restart {
    Objects.requireNonNull(workload, "workload");
  }

  @Override
  public String describe() {
    return "restart " + workload.describe() + (dryRun ? " (dry run)" : "");
  }

  @Override
  public boolean isDryRun() {
    return dryRun;
  }

  @Override
  public java.util.Optional<Request> asDryRun() {
    return java.util.Optional.of(new Restart(workload, true));
  }
}
