package dev.gitopscrew.doctor;

import dev.gitopscrew.cluster.ApiCall;
import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.fabric8.ClusterProbe;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.gatewayclient.GatewayClient;
import dev.gitopscrew.model.ModelProvider;
import dev.gitopscrew.model.ModelProviders;
import dev.gitopscrew.model.adapters.ModelAdapters;
import dev.gitopscrew.settings.ClusterSettings;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewayFile;
import dev.gitopscrew.settings.StoreSettings;
import dev.gitopscrew.settings.UserAgents;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.StateStoreException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code crew doctor}: every integration, configured or not, probed where configured, each with the
 * fix when it is not working. Probes send credentials only to the service they belong to.
 */
public final class Doctor {

  private final CrewContext context;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  public Doctor(CrewContext context) {
    this.context = context;
  }

  public List<IntegrationCheck> examine() {
    List<IntegrationCheck> out = new ArrayList<>();
    for (IntegrationCheck i : Integrations.describe(context)) {
      out.add(i.configured() && i.reachable().isEmpty() ? probe(i) : i);
    }
    return out;
  }

  private IntegrationCheck probe(IntegrationCheck i) {
    Map<String, String> env = context.env();
    CrewConfig config = context.loaded().config();
    String name = i.name();
    if (name.equals("Discord")) {
      String base = config.channels().discord().apiBaseUrlOrDefault();
      IntegrationCheck probed =
          http(
              i,
              base + "/users/@me",
              "Bot " + env.get("DISCORD_BOT_TOKEN"),
              UserAgents.DISCORD,
              "DISCORD_BOT_TOKEN",
              "reset the token in the developer portal (Bot) and export DISCORD_BOT_TOKEN again"
                  + " (docs/discord.md#troubleshooting)");
      return probed.broken() ? probed : gatewayConnection(probed);
    }
    if (name.equals("GitHub")) {
      IntegrationCheck result = i;
      for (var e : Integrations.repositories(config, "github").entrySet()) {
        String api =
            e.getValue().apiUrl() != null ? e.getValue().apiUrl() : "https://api.github.com";
        String slug = e.getValue().url().replaceAll("^.*?://[^/]+/", "").replaceAll("\\.git$", "");
        result =
            http(
                i,
                api.replaceAll("/$", "") + "/repos/" + slug,
                "Bearer " + env.get("GITHUB_TOKEN"),
                null,
                "GITHUB_TOKEN",
                "check GITHUB_TOKEN has access to " + slug + " (docs/forges.md)");
        if (result.broken()) {
          return result;
        }
      }
      return result;
    }
    if (name.equals("Azure DevOps")) {
      IntegrationCheck result = i;
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (":" + env.get("AZURE_DEVOPS_PAT")).getBytes(StandardCharsets.UTF_8));
      for (var e : Integrations.repositories(config, "azure-devops").entrySet()) {
        String url =
            e.getValue().url().replaceAll("/_git/.*$", "")
                + "/_apis/git/repositories?api-version=7.1";
        result =
            http(
                i,
                url,
                basic,
                null,
                "AZURE_DEVOPS_PAT",
                "check AZURE_DEVOPS_PAT (Code: Read & write) for " + e.getKey());
        if (result.broken()) {
          return result;
        }
      }
      return result;
    }
    if (name.equals("Kubernetes")) {
      return probeCluster(i);
    }
    if (name.equals("alerts")) {
      return gatewayAlerts(i);
    }
    if (name.startsWith("model provider ")) {
      return probeModels(i, name.substring("model provider ".length()));
    }
    if (name.equals("state store")) {
      return probeStore(i);
    }
    return i.probed(true, "nothing to probe", "");
  }

  /** The provider lists its models and takes the key; no tokens are spent. */
  private IntegrationCheck probeModels(IntegrationCheck i, String provider) {
    ModelProviders providers =
        new ModelProviders(
            context.loaded().config(),
            context.env(),
            ModelAdapters.byApi(java.time.Clock.systemUTC()));
    var endpoint = providers.endpoint(provider).orElseThrow();
    try {
      ModelProvider.Probe probe =
          providers.adapter(endpoint).probe(providers.providersInUse().get(provider));
      return i.probed(
          probe.ok(),
          probe.detail(),
          "check models.providers."
              + provider
              + ".baseUrl, "
              + endpoint.keyVariable()
              + " and the model ids (docs/models.md)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return i.probed(false, "interrupted", "run crew doctor again");
    }
  }

  /** The API server answers, and grants every call the guard's rules allow. */
  private IntegrationCheck probeCluster(IntegrationCheck i) {
    ClusterGuard guard = ClusterSettings.guard(context);
    ClusterProbe.Result r =
        ClusterProbe.probe(
            context.loaded().config().kubernetes().context(),
            ClusterSettings.kubeconfig(context),
            guard.grantedCalls());
    if (!r.reachable()) {
      return i.probed(
          false,
          r.detail(),
          "check the kubeconfig context or the in-cluster service account (docs/cluster.md)");
    }
    if (!r.notGranted().isEmpty()) {
      return i.probed(
          false,
          r.detail() + "; not granted: " + r.notGranted().stream().map(ApiCall::describe).toList(),
          "apply "
              + guard.source()
              + " (kubectl apply -f deploy/k8s/rbac.yaml) and give the pod the service account "
              + guard.serviceAccount()
              + " (docs/cluster.md)");
    }
    return i.probed(true, r.detail(), "");
  }

  private IntegrationCheck probeStore(IntegrationCheck i) {
    var gateway = GatewayFile.read(context.stateDir());
    if (gateway.isPresent()) {
      return i.probed(true, "held by the running gateway " + gateway.get().url(), "");
    }
    try (StateStore store = StoreSettings.open(context, () -> {})) {
      return i.probed(store.isHealthy(), "opens and migrates", "check the state directory");
    } catch (StateStoreException e) {
      return i.probed(
          false,
          e.getMessage(),
          StoreSettings.sharedUrl(context).isPresent()
              ? "check state.url, CREW_STATE_USER and CREW_STATE_PASSWORD (docs/replicas.md)"
              : "check permissions on " + context.stateDir());
    }
  }

  /** Where the running gateway posts incident reports now (the channel it found by name). */
  private IntegrationCheck gatewayAlerts(IntegrationCheck i) {
    Optional<GatewayClient> gateway = GatewayClient.forRunningGateway(context);
    if (gateway.isEmpty()) {
      return i;
    }
    try {
      String now = gateway.get().get("/api/status").path("discord").path("alerts").asText("");
      return now.isEmpty() ? i : i.withDetail(i.detail() + "; the running gateway: " + now);
    } catch (RuntimeException e) {
      return i.withDetail(i.detail() + "; gateway status unavailable: " + e.getMessage());
    }
  }

  /** The running gateway's Discord connection, when a gateway runs for this state directory. */
  private IntegrationCheck gatewayConnection(IntegrationCheck probed) {
    Optional<GatewayClient> gateway = GatewayClient.forRunningGateway(context);
    if (gateway.isEmpty()) {
      return probed.withDetail(probed.detail() + "; no gateway running, so no connection");
    }
    try {
      var discord = gateway.get().get("/api/status").path("discord");
      String status = discord.path("status").asText("unknown");
      String line =
          probed.detail()
              + "; gateway connection "
              + status
              + " ("
              + discord.path("detail").asText("")
              + ", "
              + discord.path("reconnects").asInt()
              + " reconnects)";
      return status.equals("failed")
          ? new IntegrationCheck(
              probed.name(), true, Optional.of(false), line, "see docs/discord.md#troubleshooting")
          : probed.withDetail(line);
    } catch (RuntimeException e) {
      return probed.withDetail(probed.detail() + "; gateway status unavailable: " + e.getMessage());
    }
  }

  /**
   * One authenticated GET. A network failure (refused, unknown host, timeout) says it cannot reach
   * the host and why; a 401 says the token is refused and which variable holds it (never its
   * value); any other answer is named by its status.
   */
  private IntegrationCheck http(
      IntegrationCheck i,
      String url,
      String authorization,
      String userAgent,
      String tokenVariable,
      String fix) {
    URI uri = URI.create(url);
    String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      if (userAgent != null) {
        request.header("User-Agent", userAgent);
      }
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        return i.probed(true, "HTTP " + status + " from " + host, "");
      }
      if (status == 401) {
        return i.probed(
            false,
            "the token in " + tokenVariable + " is refused (HTTP 401 from " + host + ")",
            fix);
      }
      return i.probed(false, "HTTP " + status + " from " + host, fix);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return i.probed(false, "interrupted", "run crew doctor again");
    } catch (IllegalArgumentException e) {
      // the JDK quotes a rejected header value, which would be the token: never its message
      return i.probed(
          false, tokenVariable + " is not a valid header value (a stray newline or space?)", fix);
    } catch (Exception e) {
      return i.probed(
          false,
          "cannot reach " + host + ": " + networkReason(e),
          "check the network from here to "
              + host
              + " (DNS, proxy, firewall) and the configured address; the token could not be checked");
    }
  }

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /** Why a request never got an answer, in words, from the exception and its causes. */
  static String networkReason(Throwable e) {
    boolean connect = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return "the name does not resolve (DNS: " + t.getMessage() + ")";
      }
      if (t instanceof java.net.http.HttpConnectTimeoutException) {
        return "no connection within 3 s (timed out)";
      }
      if (t instanceof java.net.http.HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return "no answer within " + PROBE_TIMEOUT.toSeconds() + " s (timed out)";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS failed (" + t.getMessage() + ")";
      }
      if (t instanceof java.net.ConnectException) {
        connect = true;
        String m = t.getMessage();
        if (m != null && !m.isBlank()) {
          return m.toLowerCase(java.util.Locale.ROOT).contains("refused")
              ? "connection refused"
              : m;
        }
      }
    }
    if (connect) {
      // the JDK's client reports a refused connection as a ConnectException without a message
      return "connection refused";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
