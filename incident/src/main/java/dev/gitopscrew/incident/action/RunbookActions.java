package dev.gitopscrew.incident.action;

import java.util.List;
import java.util.Optional;

/** The fixed set of cluster actions runbooks and operators may take. */
public final class RunbookActions {

  public static final List<RunbookAction> ALL =
      List.of(
          new RestartRollout(),
          new ScaleWorkload(),
          new ForceSyncExternalSecret(),
          new HardRefreshApplication(),
          new CancelSyncOperation(),
          new DeleteStuckPod());

  private RunbookActions() {}

  public static Optional<RunbookAction> named(String name) {
    return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(RunbookAction::name).toList();
  }
}
