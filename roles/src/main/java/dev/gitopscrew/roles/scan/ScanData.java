package dev.gitopscrew.roles.scan;

import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ReportOutcome;
import java.util.List;
import java.util.Map;

/**
 * A scan as data, for the API and {@code --json}.
 *
 * @param commit the scanned commit, or {@code on-disk} for a directory
 * @param counts findings per severity, before the severity filter
 * @param findings the findings at or above the requested severity, most severe first
 * @param suppressed the suppressed findings, listed only when asked for
 * @param suppressedCount how many findings were suppressed
 * @param issue the findings issue, or null when the scan keeps none (a directory, a sub-folder)
 * @param hardening the hardening pull request, or null when nothing could be fixed mechanically
 */
public record ScanData(
    String target,
    String commit,
    int files,
    int objects,
    Map<String, Integer> counts,
    List<ScanFinding> findings,
    List<SuppressedFinding> suppressed,
    int suppressedCount,
    List<ManifestTree.Unreadable> unreadable,
    List<String> warnings,
    ReportOutcome issue,
    ChangeOutcome hardening,
    List<String> fixed) {}
