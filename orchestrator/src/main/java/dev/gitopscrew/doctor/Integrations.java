package dev.gitopscrew.doctor;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.config.CrewConfig.RepositoryConfig;
import dev.gitopscrew.model.Endpoint;
import dev.gitopscrew.model.ModelFailure;
import dev.gitopscrew.model.ModelProviders;
import dev.gitopscrew.settings.AlertsDestination;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which integrations the configuration and environment set up; nothing here touches a network. */
public final class Integrations {

  private Integrations() {}

  public static List<IntegrationCheck> describe(CrewContext context) {
    CrewConfig config = context.loaded().config();
    Map<String, String> env = context.env();
    List<IntegrationCheck> all = new ArrayList<>();
    all.add(discord(config, env));
    all.add(discordWebhooks(env));
    all.add(alerts(AlertsDestination.of(config, env)));
    all.add(
        forge(
            "GitHub",
            "github",
            present(env, "GITHUB_APP_ID") ? "GITHUB_APP_ID" : "GITHUB_TOKEN",
            config,
            env));
    all.add(forge("Azure DevOps", "azure-devops", "AZURE_DEVOPS_PAT", config, env));
    all.add(kubernetes(config, env));
    all.add(argoCd(env));
    all.addAll(models(config, env));
    all.add(IntegrationCheck.configured("state store", StoreSettings.describe(context)));
    return all;
  }

  private static IntegrationCheck discord(CrewConfig config, Map<String, String> env) {
    var discord = config.channels().discord();
    boolean token = present(env, "DISCORD_BOT_TOKEN");
    if (!discord.isEnabled() && !token) {
      return IntegrationCheck.notConfigured(
          "Discord",
          "set channels.discord.enabled and DISCORD_BOT_TOKEN (docs/configuration.md#channelsdiscord)");
    }
    if (!token) {
      return new IntegrationCheck(
          "Discord",
          true,
          Optional.of(false),
          "enabled in the configuration but DISCORD_BOT_TOKEN is not set",
          "export DISCORD_BOT_TOKEN with the bot token from the Discord developer portal");
    }
    return IntegrationCheck.configured(
        "Discord",
        discord.guilds().size()
            + " guild(s), groupPolicy "
            + discord.groupPolicyOrDefault()
            + ", dmPolicy "
            + discord.dmPolicyOrDefault());
  }

  /** Notifications without the bot: {@code DISCORD_WEBHOOK_<NAME>} variables, named only. */
  private static IntegrationCheck discordWebhooks(Map<String, String> env) {
    List<String> names =
        env.keySet().stream()
            .filter(k -> k.startsWith("DISCORD_WEBHOOK_") && present(env, k))
            .map(k -> k.substring("DISCORD_WEBHOOK_".length()).toLowerCase(java.util.Locale.ROOT))
            .sorted()
            .toList();
    return names.isEmpty()
        ? IntegrationCheck.notConfigured(
            "Discord webhooks",
            "set DISCORD_WEBHOOK_ALERTS for alerts without the bot (docs/discord.md#webhooks)")
        : IntegrationCheck.configured("Discord webhooks", String.join(", ", names));
  }

  private static IntegrationCheck forge(
      String name, String kind, String tokenVar, CrewConfig config, Map<String, String> env) {
    List<String> repos =
        config.git().repositories().entrySet().stream()
            .filter(e -> kind.equals(e.getValue().forge()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (repos.isEmpty()) {
      return IntegrationCheck.notConfigured(
          name, "add a git.repositories entry with \"forge\": \"" + kind + "\" (docs/forges.md)");
    }
    if (!present(env, tokenVar)) {
      return new IntegrationCheck(
          name,
          true,
          Optional.of(false),
          "repositories " + repos + " but " + tokenVar + " is not set",
          "export " + tokenVar + " (scopes in docs/forges.md)");
    }
    return IntegrationCheck.configured(name, "repositories " + repos);
  }

  /** The repositories of one forge kind, for probes. */
  public static Map<String, RepositoryConfig> repositories(CrewConfig config, String kind) {
    Map<String, RepositoryConfig> out = new java.util.TreeMap<>();
    config
        .git()
        .repositories()
        .forEach(
            (n, r) -> {
              if (kind.equals(r.forge())) {
                out.put(n, r);
              }
            });
    return out;
  }

  private static IntegrationCheck kubernetes(CrewConfig config, Map<String, String> env) {
    if (Boolean.FALSE.equals(config.kubernetes().enabled())) {
      return IntegrationCheck.notConfigured("Kubernetes", "disabled by kubernetes.enabled=false");
    }
    Optional<String> source = kubeconfigSource(env);
    return source
        .map(s -> IntegrationCheck.configured("Kubernetes", s))
        .orElse(
            IntegrationCheck.notConfigured(
                "Kubernetes",
                "set KUBECONFIG, or run in a cluster with the service account of deploy/k8s/rbac.yaml (docs/cluster.md)"));
  }

  /** Where a Kubernetes client would take its credentials from, if anywhere. */
  public static Optional<String> kubeconfigSource(Map<String, String> env) {
    if (present(env, "KUBERNETES_SERVICE_HOST")
        && Files.exists(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"))) {
      return Optional.of("in-cluster service account");
    }
    if (present(env, "KUBECONFIG")) {
      return Optional.of("KUBECONFIG=" + env.get("KUBECONFIG"));
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    return Files.isRegularFile(home) ? Optional.of(home.toString()) : Optional.empty();
  }

  private static IntegrationCheck argoCd(Map<String, String> env) {
    return present(env, "CREW_ARGOCD_WEBHOOK_TOKEN")
        ? IntegrationCheck.configured(
            "Argo CD", "webhook /webhooks/argocd accepts the bearer token")
        : IntegrationCheck.notConfigured(
            "Argo CD",
            "set CREW_ARGOCD_WEBHOOK_TOKEN and add the notification templates (docs/argocd.md)");
  }

  private static List<IntegrationCheck> models(CrewConfig config, Map<String, String> env) {
    ModelProviders providers =
        new ModelProviders(
            config,
            env,
            endpoint -> {
              throw new IllegalStateException("describing integrations contacts nothing");
            });
    Map<String, List<String>> inUse = providers.providersInUse();
    if (inUse.isEmpty()) {
      return List.of(
          IntegrationCheck.notConfigured(
              "model providers",
              "optional: set agents.defaults.model for free-text requests (docs/models.md);"
                  + " structured commands need none"));
    }
    List<IntegrationCheck> out = new ArrayList<>();
    inUse.forEach(
        (provider, models) -> {
          String name = "model provider " + provider;
          Optional<Endpoint> endpoint = providers.endpoint(provider);
          if (endpoint.isEmpty()) {
            out.add(
                new IntegrationCheck(
                    name,
                    true,
                    Optional.of(false),
                    "named by a model but not configured",
                    "add models.providers." + provider + " with its baseUrl (docs/models.md)"));
            return;
          }
          Endpoint e = endpoint.get();
          String detail = e.baseUrl() + (models.isEmpty() ? "" : ", models " + models);
          try {
            if (!models.isEmpty()) {
              providers.resolve(provider + "/" + models.get(0));
            }
            out.add(
                IntegrationCheck.configured(
                    name,
                    detail
                        + (e.key().isPresent() ? "" : ", no key (" + e.keyVariable() + " unset)")));
          } catch (ModelFailure f) {
            out.add(
                new IntegrationCheck(
                    name,
                    true,
                    Optional.of(false),
                    detail + ": " + f.getMessage(),
                    "export " + e.keyVariable()));
          }
        });
    return out;
  }

  private static boolean present(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  /** The line {@code crew doctor} prints for where incident reports go. */
  static IntegrationCheck alerts(AlertsDestination alerts) {
    return alerts.nowhere()
        ? new IntegrationCheck(
            "alerts", false, java.util.Optional.empty(), alerts.where(), AlertsDestination.FIX)
        : IntegrationCheck.configured("alerts", alerts.where());
  }
}
