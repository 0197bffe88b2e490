package dev.gitopscrew.roles.scan;

/**
 * A finding the repository chose to accept.
 *
 * @param reason why, as written, or null when none was given
 * @param by where the suppression is: the object's annotation, or {@code .gitops-crew.yaml:LINE}
 */
public record SuppressedFinding(ScanFinding finding, String reason, String by) {}
