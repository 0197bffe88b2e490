package dev.gitopscrew.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.request.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body an Argo CD Notifications template sends to {@code /webhooks/argocd} (docs/argocd.md):
 * {@code event} and {@code app} required, the rest optional strings. Fields the crew does not know
 * are ignored, so a template may carry more.
 */
public record ArgoNotification(
    String event,
    String app,
    String appNamespace,
    String project,
    String destNamespace,
    String destServer,
    String syncStatus,
    String revision,
    String healthStatus,
    String healthMessage,
    String operationPhase,
    String operationMessage,
    String startedAt,
    String finishedAt,
    String argocdUrl) {

  /** Triggers after which qa-tester verifies the deployment. */
  public static final Set<String> DEPLOYED = Set.of("on-sync-succeeded", "on-deployed");

  /** Triggers that open an incident. */
  public static final Set<String> TROUBLE = Set.of("on-health-degraded", "on-sync-failed");

  private static final List<String> FIELDS =
      List.of(
          "event",
          "app",
          "appNamespace",
          "project",
          "destNamespace",
          "destServer",
          "syncStatus",
          "revision",
          "healthStatus",
          "healthMessage",
          "operationPhase",
          "operationMessage",
          "startedAt",
          "finishedAt",
          "argocdUrl");

  /** The longest value each field takes; a longer one is refused naming the field. */
  private static final Map<String, Integer> LONGEST =
      Map.ofEntries(
          Map.entry("event", 64),
          Map.entry("app", 253),
          Map.entry("appNamespace", 63),
          Map.entry("project", 253),
          Map.entry("destNamespace", 63),
          Map.entry("destServer", 2048),
          Map.entry("syncStatus", 64),
          Map.entry("revision", 256),
          Map.entry("healthStatus", 64),
          Map.entry("healthMessage", 4000),
          Map.entry("operationPhase", 64),
          Map.entry("operationMessage", 4000),
          Map.entry("startedAt", 64),
          Map.entry("finishedAt", 64),
          Map.entry("argocdUrl", 2048));

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A body the webhook refuses, with the reason the sender is told. */
  public static final class Malformed extends Exception {
    public Malformed(String reason) {
      super(reason);
    }
  }

  /** Reads and checks a body; the reason of a refusal names the field or the place in the text. */
  public static ArgoNotification parse(String body) throws Malformed {
    if (body == null || body.isBlank()) {
      throw new Malformed("empty body: expected the JSON object of docs/argocd.md");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new Malformed(PullRequestDeliveries.notJson(e));
    }
    if (root == null || !root.isObject()) {
      throw new Malformed(
          "expected a JSON object, found " + (root == null ? "nothing" : kind(root)));
    }
    List<String> values = new ArrayList<>();
    for (String field : FIELDS) {
      JsonNode v = root.get(field);
      if (v == null || v.isNull()) {
        values.add(null);
      } else if (v.isTextual()) {
        int longest = LONGEST.get(field);
        if (v.asText().length() > longest) {
          throw new Malformed(
              "'"
                  + field
                  + "' is "
                  + v.asText().length()
                  + " characters long; it takes at most "
                  + longest);
        }
        values.add(v.asText().isBlank() ? null : v.asText());
      } else {
        throw new Malformed("'" + field + "' must be a string, found " + kind(v));
      }
    }
    for (String required : List.of("event", "app")) {
      if (values.get(FIELDS.indexOf(required)) == null) {
        throw new Malformed("missing required field '" + required + "'");
      }
    }
    ArgoNotification n =
        new ArgoNotification(
            values.get(0),
            values.get(1),
            values.get(2),
            values.get(3),
            values.get(4),
            values.get(5),
            values.get(6),
            values.get(7),
            values.get(8),
            values.get(9),
            values.get(10),
            values.get(11),
            values.get(12),
            values.get(13),
            values.get(14));
    if (!DEPLOYED.contains(n.event) && !TROUBLE.contains(n.event)) {
      throw new Malformed(
          "event '"
              + Quote.bounded(n.event)
              + "' is not one the crew acts on; one of "
              + new java.util.TreeSet<>(union()));
    }
    if (!n.app.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
      throw new Malformed("'app' is not an Argo CD application name: " + Quote.bounded(n.app));
    }
    if (n.appNamespace != null && !n.appNamespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw new Malformed(
          "'appNamespace' is not a namespace name: " + Quote.bounded(n.appNamespace));
    }
    return n;
  }

  private static Set<String> union() {
    Set<String> all = new java.util.HashSet<>(DEPLOYED);
    all.addAll(TROUBLE);
    return all;
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The Application's namespace, Argo CD's own when the template does not say. */
  public String namespaceOr(String argocdNamespace) {
    return appNamespace != null ? appNamespace : argocdNamespace;
  }

  /**
   * What makes two notifications the same: app, event, the synced revision and when the operation
   * finished. A repeat of the same sync (Argo CD resends, or {@code on-deployed} fires again for a
   * replaced pod) has the same key.
   */
  public String dedupeKey(String argocdNamespace) {
    return String.join(
        "|",
        namespaceOr(argocdNamespace) + "/" + app,
        event,
        revision == null ? "" : revision,
        finishedAt == null ? "" : finishedAt);
  }

  /** The fields that were given, for the audit trail and the delivery record. */
  public Map<String, String> given() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    Object[] v = {
      event,
      app,
      appNamespace,
      project,
      destNamespace,
      destServer,
      syncStatus,
      revision,
      healthStatus,
      healthMessage,
      operationPhase,
      operationMessage,
      startedAt,
      finishedAt,
      argocdUrl
    };
    for (int i = 0; i < FIELDS.size(); i++) {
      if (v[i] != null) {
        out.put(FIELDS.get(i), (String) v[i]);
      }
    }
    return out;
  }
}
