package dev.gitopscrew.config;

import dev.gitopscrew.config.ConfigProblem.Severity;
import dev.gitopscrew.config.CrewConfig.AgentEntry;
import java.util.List;
import java.util.Map;

/**
 * The {@code models} section and every agent's {@code model}: a provider's API and base URL, and
 * references of the form {@code provider/model} that name a configured or built-in provider.
 */
final class ModelChecks {

  /** Where a problem goes. */
  @FunctionalInterface
  interface Sink {
    void add(Severity severity, String path, String message);
  }

  private final Sink sink;

  ModelChecks(Sink sink) {
    this.sink = sink;
  }

  void check(CrewConfig config) {
    var models = config.models();
    for (Map.Entry<String, CrewConfig.ModelProvider> e : models.providers().entrySet()) {
      String path = "models.providers." + e.getKey();
      var provider = e.getValue();
      if (provider.api() != null && !ModelRef.APIS.contains(provider.api())) {
        sink.add(
            Severity.ERROR,
            path + ".api",
            "expected one of "
                + ModelRef.APIS.stream().sorted().toList()
                + ", found \""
                + provider.api()
                + "\"");
      }
      if (provider.baseUrl() == null && !ModelRef.BUILT_IN_PROVIDERS.contains(e.getKey())) {
        sink.add(Severity.ERROR, path, "missing required value 'baseUrl'");
      } else if (provider.baseUrl() != null && !provider.baseUrl().matches("https?://\\S+")) {
        sink.add(
            Severity.ERROR,
            path + ".baseUrl",
            "expected an http(s) URL such as https://openrouter.ai/api/v1");
      }
    }
    if (models.requestTimeoutSeconds() != null && models.requestTimeoutSeconds() < 1) {
      sink.add(Severity.ERROR, "models.requestTimeoutSeconds", "expected at least 1");
    }
    if (models.retryBudgetSeconds() != null && models.retryBudgetSeconds() < 0) {
      sink.add(Severity.ERROR, "models.retryBudgetSeconds", "expected 0 or more");
    }
    ref(config, "agents.defaults.model", config.agents().defaults().model());
    List<AgentEntry> list = config.agents().list();
    for (int i = 0; i < list.size(); i++) {
      ref(config, "agents.list[" + i + "].model", list.get(i).model());
    }
    config
        .agents()
        .entries()
        .forEach((id, entry) -> ref(config, "agents.entries." + id + ".model", entry.model()));
  }

  private void ref(CrewConfig config, String path, ModelRef ref) {
    if (ref == null) {
      return;
    }
    one(config, path + (ref.fallbacks().isEmpty() ? "" : ".primary"), ref.primary());
    for (int i = 0; i < ref.fallbacks().size(); i++) {
      one(config, path + ".fallbacks[" + i + "]", ref.fallbacks().get(i));
    }
  }

  private void one(CrewConfig config, String path, String ref) {
    int slash = ref == null ? -1 : ref.indexOf('/');
    if (slash <= 0 || slash == ref.length() - 1) {
      sink.add(
          Severity.ERROR,
          path,
          "expected provider/model, like openrouter/stepfun/step-3.5-flash:free, found \""
              + ref
              + "\"");
      return;
    }
    String provider = ref.substring(0, slash);
    if (!config.models().providers().containsKey(provider)
        && !ModelRef.BUILT_IN_PROVIDERS.contains(provider)) {
      sink.add(
          Severity.WARNING,
          path,
          "no provider '"
              + provider
              + "' in models.providers and none built in "
              + ModelRef.BUILT_IN_PROVIDERS.stream().sorted().toList()
              + "; this model is skipped");
    }
  }
}
