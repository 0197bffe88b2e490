package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Objects;

/** Setting a workload's replica count (devops-sre); to zero needs an approval. */
@JsonTypeName("scale")
public record Scale(Workload workload, int replicas, boolean dryRun) implements Request {

  public Scale {
    Objects.requireNonNull(workload, "workload");
    Names.number("replicas", replicas, 0, 9999);
  }

  @Override
  public String describe() {
    return "scale " + workload.describe() + " to " + replicas + (dryRun ? " (dry run)" : "");
  }

  @Override
  public boolean isDryRun() {
    return dryRun;
  }

  @Override
  public java.util.Optional<Request> asDryRun() {
    return java.util.Optional.of(new Scale(workload, replicas, true));
  }
}
