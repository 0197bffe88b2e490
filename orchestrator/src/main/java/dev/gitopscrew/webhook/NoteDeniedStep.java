package dev.gitopscrew.webhook;

import dev.gitopscrew.store.JdbcIncidentLog;
import java.util.function.BiConsumer;

/**
 * A runbook step a person denied is what its incident says: a line on its timeline and its summary.
 * Nothing ran, so the incident stays as it was (open) for people to work; the denial reaches it
 * whichever door it came through (Discord's button, {@code crew approve}, the API, the console).
 */
public final class NoteDeniedStep implements BiConsumer<Long, String> {

  private final JdbcIncidentLog incidents;

  public NoteDeniedStep(JdbcIncidentLog incidents) {
    this.incidents = incidents;
  }

  @Override
  public void accept(Long requestId, String denial) {
    incidents
        .ofRequest(requestId)
        .filter(i -> !i.state().equals("resolved"))
        .ifPresent(
            i -> {
              String said = "runbook step " + denial + "; nothing was run";
              incidents.note(i.id(), said);
              incidents.update(i.id(), null, i.state(), said, null, null, null, null);
            });
  }
}
