package dev.gitopscrew.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD Notifications templates docs/argocd.md gives to copy, rendered as Argo CD renders
 * them ({@code toJson} of each path of the Application), are bodies the webhook accepts, with the
 * fields it deduplicates on: the docs and the webhook cannot drift apart.
 */
class ArgoTemplatesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An Application as the notifications controller sees it, with a message needing escapes. */
  static final String APPLICATION =
      """
      metadata: {name: grafana, namespace: argocd}
      spec:
        project: homelab
        destination: {server: "https://kubernetes.default.svc", namespace: monitoring}
      status:
        sync: {status: Synced, revision: 4b1e9c2}
        health: {status: Degraded, message: "Deployment \\"grafana\\" exceeded its progress deadline\\nsee events"}
        operationState:
          phase: Succeeded
          message: successfully synced (all tasks run)
          startedAt: "2026-11-30T18:40:02Z"
          finishedAt: "2026-11-30T18:40:09Z"
          syncResult: {revision: 9f2c1e7a4b}
      """;

  @Test
  void everyTemplateOfTheDocsRendersToABodyTheWebhookAccepts() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "argocd.md"));
    String configMap = docs.substring(docs.indexOf("kind: ConfigMap"));
    configMap = "apiVersion: v1\n" + configMap.substring(0, configMap.indexOf("```"));
    JsonNode data = new YAMLMapper().readTree(configMap).path("data");
    JsonNode root = JSON.createObjectNode();
    ((com.fasterxml.jackson.databind.node.ObjectNode) root)
        .set("app", new YAMLMapper().readTree(APPLICATION));
    ((com.fasterxml.jackson.databind.node.ObjectNode) root)
        .set("context", JSON.createObjectNode().put("argocdUrl", "https://argocd.home.example"));

    List<String> events = new ArrayList<>();
    for (var it = data.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.startsWith("template.gitops-crew-")) {
        continue;
      }
      JsonNode template = new YAMLMapper().readTree(data.path(key).asText());
      String body = template.at("/webhook/gitops-crew/body").asText();
      assertThat(template.at("/webhook/gitops-crew/method").asText()).isEqualTo("POST");

      ArgoNotification n = ArgoNotification.parse(render(body, root));

      events.add(n.event());
      assertThat(key).endsWith(n.event().substring(3));
      assertThat(n.app()).isEqualTo("grafana");
      assertThat(n.revision()).isEqualTo("9f2c1e7a4b");
      assertThat(n.finishedAt()).isEqualTo("2026-11-30T18:40:09Z");
      assertThat(n.healthMessage()).contains("\"grafana\"").contains("\n");
      assertThat(n.dedupeKey("argocd"))
          .isEqualTo("argocd/grafana|" + n.event() + "|9f2c1e7a4b|2026-11-30T18:40:09Z");
    }
    assertThat(events)
        .containsExactlyInAnyOrder(
            "on-health-degraded", "on-sync-failed", "on-sync-succeeded", "on-deployed");
    assertThat(data.path("service.webhook.gitops-crew").asText())
        .contains("/webhooks/argocd")
        .contains("Bearer $gitops-crew-token");
  }

  /** {@code {{toJson .a.b}}} as Go's template and Sprig's toJson render it; null when absent. */
  private static String render(String body, JsonNode root) throws Exception {
    Matcher m = Pattern.compile("\\{\\{toJson \\.([a-zA-Z.]+)}}").matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode v = root.at("/" + m.group(1).replace('.', '/'));
      m.appendReplacement(
          out, Matcher.quoteReplacement(v.isMissingNode() ? "null" : JSON.writeValueAsString(v)));
    }
    m.appendTail(out);
    assertThat(out.toString()).doesNotContain("{{");
    return out.toString();
  }
}
