package dev.gitopscrew.gateway;

import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.settings.Secret;
import dev.gitopscrew.webhook.ArgoWebhook;
import dev.gitopscrew.webhook.AzureDevOpsWebhook;
import dev.gitopscrew.webhook.GitHubWebhook;
import dev.gitopscrew.webhook.HeaderRefusal;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first thing every HTTP request meets, before anything reads its body: the credentials its
 * headers carry (the API's bearer token, each webhook's token, signature or basic auth), its door's
 * body limit against {@code Content-Length}, and a bound on the bytes all bodies may hold at once.
 * A stranger's large body is refused unread, and a flood is answered 503 instead of filling the
 * heap. Runs before Quarkus' own upload limit, whose 413 has no body.
 */
@Singleton
public class IntakeGate {

  private static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
  private static final String WEBHOOKS = "/webhooks/";
  // counted by receiver; a stranger's made-up path is no metric tag
  private static final java.util.Set<String> RECEIVERS =
      java.util.Set.of("/webhooks/argocd", "/webhooks/github", "/webhooks/azure-devops");

  @Inject CrewContext context;
  @Inject GatewaySettings settings;
  // resolved at the first refusal: the gate is installed while Quarkus boots
  @Inject Instance<MeterRegistry> registry;

  private Optional<Secret> argoToken;
  private Optional<Secret> githubSecret;
  private Optional<Secret> azureSecret;
  private final AtomicLong inFlight = new AtomicLong();

  void install(@Observes Router router) {
    argoToken = Secret.fromEnvironment(context.env(), ArgoWebhook.TOKEN_VARIABLE);
    githubSecret = Secret.fromEnvironment(context.env(), GitHubWebhook.SECRET_VARIABLE);
    azureSecret = Secret.fromEnvironment(context.env(), AzureDevOpsWebhook.SECRET_VARIABLE);
    router.route().order(ORDER).handler(this::admit);
  }

  private void admit(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = doorOf(ctx.normalizedPath());
    Optional<HeaderRefusal> refused = credentials(request, path);
    if (refused.isPresent()) {
      HeaderRefusal r = refused.get();
      if (r.challenge() != null) {
        ctx.response().putHeader("WWW-Authenticate", r.challenge());
      }
      answer(ctx, r.status(), r.error());
      return;
    }
    long limit = BodyLimits.of(path);
    long declared;
    try {
      String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
      declared = length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      answer(ctx, 400, "Content-Length is not a number");
      return;
    }
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING));
    if (declared > limit) {
      answer(ctx, 413, tooLargeReason(path, limit));
      return;
    }
    long holds = declared > 0 ? declared : chunked ? limit : 0;
    if (holds > 0) {
      if (inFlight.addAndGet(holds) > BodyLimits.IN_FLIGHT) {
        inFlight.addAndGet(-holds);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "2");
        answer(
            ctx,
            503,
            "the gateway is receiving more than it holds at once ("
                + BodyLimits.describe(BodyLimits.IN_FLIGHT)
                + " of bodies); retry shortly");
        return;
      }
      ctx.addEndHandler(done -> inFlight.addAndGet(-holds));
    }
    ctx.next();
  }

  /**
   * The door a path leads to, as the router will match it: normalised ({@code //}, {@code ./},
   * {@code %61}) and without a trailing slash, so no spelling of a path passes the gate unchecked.
   */
  static String doorOf(String normalizedPath) {
    String path = normalizedPath.toLowerCase(java.util.Locale.ROOT);
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private Optional<HeaderRefusal> credentials(HttpServerRequest request, String path) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return switch (path) {
      case "/webhooks/argocd" -> ArgoWebhook.checkHeaders(argoToken, authorization);
      case "/webhooks/github" ->
          GitHubWebhook.checkHeaders(githubSecret, request.getHeader("X-Hub-Signature-256"));
      case "/webhooks/azure-devops" -> AzureDevOpsWebhook.checkHeaders(azureSecret, authorization);
      default -> path.equals("/api") || path.startsWith("/api/") ? apiToken(authorization) : none();
    };
  }

  /**
   * With a gateway token set, every {@code /api} request needs it; health stays open for probes.
   */
  private Optional<HeaderRefusal> apiToken(String authorization) {
    if (settings.token().isEmpty()) {
      return none();
    }
    String presented =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip()
            : null;
    return settings.token().get().matches(presented)
        ? none()
        : Optional.of(
            new HeaderRefusal(
                401,
                "missing or wrong bearer token (CREW_GATEWAY_TOKEN)",
                "Bearer realm=\"gitops-crew\""));
  }

  private static Optional<HeaderRefusal> none() {
    return Optional.empty();
  }

  static String tooLargeReason(String path, long limit) {
    return "the body is larger than " + path + " takes (" + BodyLimits.describe(limit) + ")";
  }

  /** Answers without reading the body; a connection whose body was left unread is closed. */
  private void answer(RoutingContext ctx, int status, String error) {
    HttpServerRequest request = ctx.request();
    String door = doorOf(ctx.normalizedPath());
    if (RECEIVERS.contains(door)) {
      new CrewMetrics(registry.get())
          .webhook(door.substring(WEBHOOKS.length()), CrewMetrics.outcomeOf(status));
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    boolean unreadBody =
        (length != null && !length.strip().equals("0"))
            || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    // HTTP/2 ends the stream instead; an h2c upgrade must not lose its connection either
    if (request.version() == io.vertx.core.http.HttpVersion.HTTP_2
        || request.getHeader(HttpHeaders.UPGRADE) != null) {
      unreadBody = false;
    }
    if (unreadBody) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      ctx.response().endHandler(v -> request.connection().close());
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("error", error).encode());
  }
}
