package dev.gitopscrew.incident;

/**
 * What triage saw and what it likely means.
 *
 * @param pattern {@code crash-loop}, {@code oom-killed}, {@code image-pull}, {@code config-error},
 *     {@code unschedulable}, {@code progress-deadline}, {@code app-degraded}, {@code sync-failed},
 *     {@code warning-event}
 * @param object where: {@code pod/grafana-7d9f in monitoring}
 */
public record Finding(String pattern, String object, String saw, String likelyCause) {

  public String describe() {
    return pattern
        + " "
        + object
        + ": "
        + saw
        + (likelyCause.isEmpty() ? "" : " - likely " + likelyCause);
  }
}
