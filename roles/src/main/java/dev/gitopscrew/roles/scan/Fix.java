package dev.gitopscrew.roles.scan;

import java.util.List;

/**
 * A fix the hardening pull request makes mechanically: one key added to a container's {@code
 * securityContext}.
 *
 * @param at the keys and list indexes from the document's root to the container
 * @param key {@code allowPrivilegeEscalation}, {@code runAsNonRoot}, {@code readOnlyRootFilesystem}
 *     or {@code drop} (capabilities.drop: [ALL])
 */
record Fix(String path, int document, List<Object> at, String key) {

  static final String DROP = "drop";

  /** What the fix adds, as the hardening pull request describes it. */
  String describe() {
    return key.equals(DROP)
        ? "securityContext.capabilities.drop: [ALL]"
        : "securityContext."
            + key
            + ": "
            + (key.equals("allowPrivilegeEscalation") ? "false" : "true");
  }
}
