package dev.gitopscrew.webhook;

import static dev.gitopscrew.webhook.PullRequestDeliveries.error;
import static dev.gitopscrew.webhook.PullRequestDeliveries.notJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.settings.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/azure-devops}: Azure DevOps service hooks sign nothing, so the subscription
 * sends HTTP basic authentication whose password is the shared secret {@code
 * AZURE_DEVOPS_WEBHOOK_SECRET} (401 otherwise, nothing stored). Pull request created, updated and
 * merged events and pull request comments are read into a {@code PullRequestEvent}, stored under a
 * key that makes a repeat (a retry, or an edit that changed nothing the crew reads) a duplicate,
 * and worked after the answer.
 */
public final class AzureDevOpsWebhook {

  public static final String SOURCE = "azure-devops";
  public static final String SECRET_VARIABLE = "AZURE_DEVOPS_WEBHOOK_SECRET";
  private static final Logger LOG = Logger.getLogger(AzureDevOpsWebhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<Secret> secret;
  private final Collection<RepositorySpec> repositories;
  private final PullRequestDeliveries deliveries;

  public AzureDevOpsWebhook(
      Optional<Secret> secret,
      Collection<RepositorySpec> repositories,
      PullRequestDeliveries deliveries) {
    this.secret = secret;
    this.repositories = repositories;
    this.deliveries = deliveries;
  }

  /** What the headers alone decide: 503 when the secret is not set, 401 when it is not sent. */
  public static Optional<HeaderRefusal> checkHeaders(
      Optional<Secret> secret, String authorization) {
    if (secret.isEmpty()) {
      return HeaderRefusal.off(
          "the Azure DevOps webhook", SECRET_VARIABLE, "docs/pull-requests.md");
    }
    if (!secret.get().matches(basicPassword(authorization))) {
      return HeaderRefusal.unauthorized(
          "missing or wrong basic authentication: the service hook's password must be "
              + SECRET_VARIABLE,
          "Basic realm=\"gitops-crew-azure-devops\"");
    }
    return Optional.empty();
  }

  public PullRequestDeliveries.Reply receive(String authorization, byte[] body) {
    Optional<HeaderRefusal> refused = checkHeaders(secret, authorization);
    if (refused.isPresent()) {
      return error(refused.get().status(), refused.get().error());
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return error(400, notJson(e));
    } catch (java.io.IOException e) {
      return error(400, "unreadable body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return error(400, "expected a JSON object: an Azure DevOps service hook event");
    }
    AzureDevOpsPayload.Read read;
    try {
      read = AzureDevOpsPayload.read(root, this::repositoryOf);
    } catch (GitHubPayload.Malformed e) {
      return error(400, e.getMessage());
    }
    if (read.event() == null) {
      LOG.debugf("azure devops event ignored: %s", read.ignored());
      return new PullRequestDeliveries.Reply(200, Map.of("ignored", read.ignored()));
    }
    return deliveries.accept(SOURCE, read.key(), read.event());
  }

  /** The password of a {@code Basic} header, or null. */
  private static String basicPassword(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The configured Azure DevOps repository of a service hook's {@code repository} object. */
  private Optional<String> repositoryOf(JsonNode repository) {
    String name = repository.path("name").asText("").toLowerCase(Locale.ROOT);
    String project = repository.path("project").path("name").asText("").toLowerCase(Locale.ROOT);
    String remote = repository.path("remoteUrl").asText("").toLowerCase(Locale.ROOT);
    return repositories.stream()
        .filter(r -> r.forge() == ForgeKind.AZURE_DEVOPS)
        .filter(
            r ->
                r.remoteName().toLowerCase(Locale.ROOT).equals(name)
                    && r.project() != null
                    && r.project().toLowerCase(Locale.ROOT).equals(project)
                    && (r.organization() == null
                        || remote.isEmpty()
                        || remote.contains("/" + r.organization().toLowerCase(Locale.ROOT) + "/")
                        || remote.contains("//" + r.organization().toLowerCase(Locale.ROOT) + ".")))
        .map(RepositorySpec::name)
        .findFirst();
  }
}
