package dev.gitopscrew.incident.runbook;

import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A declarative runbook: when it applies (a trigger) and what to do (steps from the fixed action
 * set), so an operator can add one without code.
 *
 * @param source where it was defined: {@code built-in} or the configuration file
 */
public record Runbook(
    String name, String description, Trigger trigger, List<Step> steps, String source) {

  /** Argo CD events, triage patterns, health and sync states; empty lists match anything. */
  public record Trigger(
      List<String> events, List<String> findings, List<String> health, List<String> sync) {

    public Trigger {
      events = List.copyOf(events);
      findings = List.copyOf(findings);
      health = List.copyOf(health);
      sync = List.copyOf(sync);
    }

    public boolean matches(String event, AppStatus app, List<Finding> found) {
      return (events.isEmpty() || events.contains(event))
          && (findings.isEmpty() || found.stream().anyMatch(f -> findings.contains(f.pattern())))
          && (health.isEmpty() || health.contains(app.health()))
          && (sync.isEmpty() || sync.contains(app.sync()));
    }

    /** For people: {@code on-health-degraded, with finding CrashLoopBackOff, health Degraded}. */
    public String describe() {
      List<String> parts = new java.util.ArrayList<>();
      parts.add(events.isEmpty() ? "any event" : String.join(" or ", events));
      if (!findings.isEmpty()) {
        parts.add("with finding " + String.join(" or ", findings));
      }
      if (!health.isEmpty()) {
        parts.add("health " + String.join(" or ", health));
      }
      if (!sync.isEmpty()) {
        parts.add("sync " + String.join(" or ", sync));
      }
      return String.join(", ", parts);
    }
  }

  /**
   * One step: an action of the fixed set on a target ({@code deployment/{app}}).
   *
   * @param approval the operator marked it: a person approves the runbook before it runs
   */
  public record Step(String action, String target, Integer replicas, boolean approval) {

    /** The target with {app} and {namespace} filled in. */
    public String targetFor(String app, String namespace) {
      return target.replace("{app}", app).replace("{namespace}", namespace);
    }

    public String describe() {
      return describe(target);
    }

    /** As {@link #describe()}, for application {@code app}: {@code restart deployment/grafana}. */
    public String describeFor(String app) {
      return describe(target.replace("{app}", app));
    }

    private String describe(String what) {
      return action + " " + what + (replicas == null ? "" : " to " + replicas);
    }
  }

  public Runbook {
    steps = List.copyOf(steps);
  }

  /**
   * Why a person must approve this runbook before it runs for application {@code app}, or empty;
   * the text names the application's own objects, as the approver will see them changed.
   */
  public Optional<String> approvalNeeded(String app) {
    for (Step step : steps) {
      if (step.approval()) {
        return Optional.of("runbook " + name + " marks " + step.describeFor(app) + " for approval");
      }
      switch (step.action()) {
        case "rollback":
          return Optional.of("runbook " + name + " rolls back a merge by a revert pull request");
        case "delete-pod":
          return Optional.of("runbook " + name + " deletes a pod");
        case "scale":
          if (step.replicas() != null && step.replicas() == 0) {
            return Optional.of(
                "runbook " + name + " scales " + step.target().replace("{app}", app) + " to zero");
          }
          break;
        default:
          break;
      }
    }
    return Optional.empty();
  }

  public String describe() {
    return name
        + " ("
        + source
        + "): "
        + description
        + "\n  when "
        + trigger.describe()
        + "\n  steps: "
        + String.join(", ", steps.stream().map(Step::describe).toList());
  }
}
