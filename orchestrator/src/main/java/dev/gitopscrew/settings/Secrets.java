package dev.gitopscrew.settings;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.effect.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every secret the environment holds for the crew, so no text can carry one out. */
public final class Secrets {

  /** The variables that hold secrets; model keys and webhook URLs are found by pattern too. */
  static final List<String> VARIABLES =
      List.of(
          "DISCORD_BOT_TOKEN",
          "GITHUB_TOKEN",
          "GITHUB_APP_PRIVATE_KEY",
          "GITHUB_WEBHOOK_SECRET",
          "AZURE_DEVOPS_PAT",
          "AZURE_DEVOPS_WEBHOOK_SECRET",
          "OPENROUTER_API_KEY",
          "GEMINI_API_KEY",
          "CREW_GATEWAY_TOKEN",
          "OPENCLAW_GATEWAY_TOKEN",
          "CREW_ARGOCD_WEBHOOK_TOKEN",
          "CREW_STATE_PASSWORD");

  private Secrets() {}

  public static Redactor redactor(CrewConfig config, Map<String, String> env) {
    List<String> values = new ArrayList<>();
    VARIABLES.forEach(v -> add(values, env.get(v)));
    config
        .models()
        .providers()
        .forEach((name, provider) -> add(values, env.get(provider.apiKeyEnvFor(name))));
    env.forEach(
        (name, value) -> {
          if (name.startsWith("DISCORD_WEBHOOK_") || name.endsWith("_API_KEY")) {
            add(values, value);
          }
        });
    config.mcpServers().values().forEach(entry -> values.addAll(entry.secrets(env)));
    return Redactor.of(values);
  }

  private static void add(List<String> values, String value) {
    if (value != null && !value.isBlank()) {
      values.add(value);
    }
  }
}
