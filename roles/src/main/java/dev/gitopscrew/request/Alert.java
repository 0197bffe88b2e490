package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * An application in trouble, as an Argo CD notification, the health sweep or a person reports it:
 * homelab-admin, as incident commander, triages it, acts and verifies.
 *
 * @param event the Argo CD trigger ({@code on-health-degraded}, {@code on-sync-failed}), {@code
 *     sweep}, or {@code manual}
 * @param revision the synced revision the notification named, or null
 */
@JsonTypeName("alert")
public record Alert(
    String application, String namespace, String event, String revision, String message)
    implements Request {

  public Alert {
    Names.k8s("application", application);
    namespace = Names.k8s("namespace", namespace == null ? "argocd" : namespace);
    event = event == null ? "manual" : event;
    if (!event.matches("[a-z0-9-]{1,64}")) {
      throw new BadRequestException("not an event name: " + event);
    }
  }

  @Override
  public String describe() {
    return "incident "
        + application
        + " ("
        + event
        + (revision == null ? "" : " at " + revision)
        + ")";
  }
}
