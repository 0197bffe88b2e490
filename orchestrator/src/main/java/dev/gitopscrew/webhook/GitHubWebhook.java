package dev.gitopscrew.webhook;

import static dev.gitopscrew.webhook.PullRequestDeliveries.error;
import static dev.gitopscrew.webhook.PullRequestDeliveries.notJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.channel.pr.PullRequestEvent;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.settings.Secret;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/github}: the signature is checked on the raw body before anything is read
 * (401, nothing stored), a {@code ping} is answered, the events the crew acts on are read into a
 * {@link PullRequestEvent} and stored under {@code X-GitHub-Delivery} (a redelivery is a repeat,
 * answered 200), and everything else is acknowledged and ignored. The work happens after the
 * answer, well within GitHub's ten seconds.
 */
public final class GitHubWebhook {

  public static final String SOURCE = "github";
  public static final String SECRET_VARIABLE = "GITHUB_WEBHOOK_SECRET";
  private static final Logger LOG = Logger.getLogger(GitHubWebhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<Secret> secret;
  private final Collection<RepositorySpec> repositories;
  private final PullRequestDeliveries deliveries;

  public GitHubWebhook(
      Optional<Secret> secret,
      Collection<RepositorySpec> repositories,
      PullRequestDeliveries deliveries) {
    this.secret = secret;
    this.repositories = repositories;
    this.deliveries = deliveries;
  }

  /**
   * @param event {@code X-GitHub-Event}
   * @param delivery {@code X-GitHub-Delivery}
   * @param signature {@code X-Hub-Signature-256}
   */
  /**
   * What the headers alone decide: 503 when the secret is not set, 401 when no well-formed
   * signature is sent. Whether it signs the body needs the body, read after this within its limit.
   */
  public static Optional<HeaderRefusal> checkHeaders(Optional<Secret> secret, String signature) {
    if (secret.isEmpty()) {
      return HeaderRefusal.off("the GitHub webhook", SECRET_VARIABLE, "docs/pull-requests.md");
    }
    if (!GitHubSignature.wellFormed(signature)) {
      return HeaderRefusal.unauthorized(
          signature == null
              ? "missing X-Hub-Signature-256: set the webhook's secret to " + SECRET_VARIABLE
              : "X-Hub-Signature-256 is not sha256= and 64 hex digits: the webhook's secret"
                  + " must be "
                  + SECRET_VARIABLE,
          null);
    }
    return Optional.empty();
  }

  public PullRequestDeliveries.Reply receive(
      String event, String delivery, String signature, byte[] body) {
    Optional<HeaderRefusal> refused = checkHeaders(secret, signature);
    if (refused.isPresent()) {
      return error(refused.get().status(), refused.get().error());
    }
    if (!GitHubSignature.verify(secret.get(), body, signature)) {
      return error(
          401,
          signature == null
              ? "missing X-Hub-Signature-256: set the webhook's secret to " + SECRET_VARIABLE
              : "X-Hub-Signature-256 does not match the body signed with " + SECRET_VARIABLE);
    }
    if (event == null || event.isBlank()) {
      return error(400, "missing X-GitHub-Event header");
    }
    if (delivery == null || !delivery.matches("[0-9A-Za-z-]{1,100}")) {
      return error(400, "missing or malformed X-GitHub-Delivery header");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return error(400, notJson(e) + " (set the webhook's content type to application/json)");
    } catch (java.io.IOException e) {
      return error(400, "unreadable body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return error(
          400, "expected a JSON object (set the webhook's content type to application/json)");
    }
    if (event.equals("ping")) {
      return new PullRequestDeliveries.Reply(
          200,
          Map.of(
              "message",
              "pong",
              "zen",
              root.path("zen").asText(""),
              "hook",
              root.path("hook_id").asLong()));
    }
    GitHubPayload.Read read;
    try {
      read = GitHubPayload.read(event, root, this::repositoryNamed);
    } catch (GitHubPayload.Malformed e) {
      return error(400, e.getMessage());
    }
    if (read.event() == null) {
      LOG.debugf("github delivery %s (%s) ignored: %s", delivery, event, read.ignored());
      return new PullRequestDeliveries.Reply(200, Map.of("ignored", read.ignored()));
    }
    return deliveries.accept(SOURCE, delivery, read.event());
  }

  /** The configured GitHub repository whose owner and name are {@code fullName}. */
  private Optional<String> repositoryNamed(String fullName) {
    String wanted = fullName.toLowerCase(Locale.ROOT);
    return repositories.stream()
        .filter(r -> r.forge() == ForgeKind.GITHUB)
        .filter(
            r -> {
              try {
                return (r.owner() + "/" + r.remoteName()).toLowerCase(Locale.ROOT).equals(wanted);
              } catch (IllegalArgumentException e) {
                return false;
              }
            })
        .map(RepositorySpec::name)
        .findFirst();
  }
}
