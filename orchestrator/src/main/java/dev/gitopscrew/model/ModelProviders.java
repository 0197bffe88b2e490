package dev.gitopscrew.model;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.config.ModelRef;
import dev.gitopscrew.roles.KnownAgent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The providers model references name, from {@code models.providers} and the built-in ones ({@code
 * openrouter}, {@code google}/{@code gemini}, {@code openai}, {@code anthropic}, {@code ollama})
 * that an OpenClaw file uses without an entry; each agent's models, primary first.
 */
public final class ModelProviders {

  /** A provider known without a {@code models.providers} entry. */
  record BuiltIn(String baseUrl, String api, String keyVariable, boolean needsKey) {}

  static final Map<String, BuiltIn> BUILT_IN =
      Map.of(
          "openrouter",
          new BuiltIn("https://openrouter.ai/api/v1", Endpoint.OPENAI, "OPENROUTER_API_KEY", true),
          "google",
          new BuiltIn(
              "https://generativelanguage.googleapis.com/v1beta/openai",
              Endpoint.OPENAI,
              "GEMINI_API_KEY",
              true),
          "gemini",
          new BuiltIn(
              "https://generativelanguage.googleapis.com/v1beta/openai",
              Endpoint.OPENAI,
              "GEMINI_API_KEY",
              true),
          "openai",
          new BuiltIn("https://api.openai.com/v1", Endpoint.OPENAI, "OPENAI_API_KEY", true),
          "anthropic",
          new BuiltIn(
              "https://api.anthropic.com/v1", Endpoint.ANTHROPIC, "ANTHROPIC_API_KEY", true),
          "ollama",
          new BuiltIn("http://127.0.0.1:11434/v1", Endpoint.OPENAI, "OLLAMA_API_KEY", false));

  /**
   * The APIs a provider may speak; {@code openai-responses} (OpenClaw's) is spoken as chat
   * completions, {@code anthropic-messages} is Anthropic's own.
   */
  public static final List<String> APIS =
      List.of(Endpoint.OPENAI, "openai-responses", "openai-chat-completions", Endpoint.ANTHROPIC);

  /** A model reference resolved: where to send it and the id to send. */
  public record Target(String ref, Endpoint endpoint, String model) {}

  private final CrewConfig config;
  private final Map<String, String> env;
  private final Function<Endpoint, ModelProvider> adapterFor;
  private final Map<String, ModelProvider> adapters = new ConcurrentHashMap<>();

  /**
   * @param adapterFor makes the adapter of an endpoint (the composition root passes the
   *     OpenAI-compatible one)
   */
  public ModelProviders(
      CrewConfig config, Map<String, String> env, Function<Endpoint, ModelProvider> adapterFor) {
    this.config = config;
    this.env = env;
    this.adapterFor = adapterFor;
  }

  /** The models of {@code agent}, primary first, then its fallbacks; empty when it has none. */
  public static List<String> refsFor(CrewConfig config, KnownAgent agent) {
    ModelRef ref = config.modelOf(agent.id());
    if (ref == null || ref.primary() == null || ref.primary().isBlank()) {
      return List.of();
    }
    LinkedHashSet<String> refs = new LinkedHashSet<>();
    refs.add(ref.primary().strip());
    ref.fallbacks().stream()
        .filter(f -> f != null && !f.isBlank())
        .map(String::strip)
        .forEach(refs::add);
    return List.copyOf(refs);
  }

  /** Whether any agent has a model, so free text can be planned. */
  public static boolean anyModel(CrewConfig config) {
    for (KnownAgent agent : KnownAgent.values()) {
      if (!refsFor(config, agent).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  public List<String> refsFor(KnownAgent agent) {
    return refsFor(config, agent);
  }

  /**
   * Why free text {@code agent} answers cannot be planned, naming the real cause, or empty when one
   * of its models resolves: it has no model (with or without {@code models.providers}), or every
   * model it has names no provider or a provider whose key variable is not set. Contacts nothing.
   */
  public Optional<String> whyNoModel(KnownAgent agent) {
    List<String> refs = refsFor(agent);
    if (refs.isEmpty()) {
      java.util.Set<String> providers =
          new java.util.TreeSet<>(config.models().providers().keySet());
      return Optional.of(
          providers.isEmpty()
              ? "no model for "
                  + agent.id()
                  + " and no models.providers: set agents.defaults.model (or "
                  + agent.id()
                  + "'s model) to provider/model and configure that provider (docs/models.md)"
              : "no model for "
                  + agent.id()
                  + ": models.providers has "
                  + String.join(", ", providers)
                  + ", but neither "
                  + agent.id()
                  + "'s model, the default agent's nor agents.defaults.model names one"
                  + " (docs/models.md)");
    }
    List<String> why = new ArrayList<>();
    for (String ref : refs) {
      try {
        resolve(ref);
        return Optional.empty();
      } catch (ModelFailure e) {
        why.add(ref + ": " + e.getMessage());
      }
    }
    return Optional.of("no usable model for " + agent.id() + " (" + String.join("; ", why) + ")");
  }

  /**
   * Splits {@code provider/model} on the first {@code /}; model ids may hold {@code /} and {@code
   * :}.
   */
  public static Optional<String[]> split(String ref) {
    int slash = ref == null ? -1 : ref.indexOf('/');
    if (slash <= 0 || slash == ref.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new String[] {ref.substring(0, slash), ref.substring(slash + 1)});
  }

  /** Whether {@code name} is a provider a reference may name. */
  public static boolean known(CrewConfig config, String name) {
    return config.models().providers().containsKey(name) || BUILT_IN.containsKey(name);
  }

  /** Where {@code ref} goes, or a typed failure saying what is missing. */
  public Target resolve(String ref) throws ModelFailure {
    String[] parts =
        split(ref)
            .orElseThrow(
                () ->
                    new ModelFailure(
                        ModelFailure.Kind.NOT_CONFIGURED,
                        "'" + ref + "' names no provider; write provider/model"));
    Endpoint endpoint =
        endpoint(parts[0])
            .orElseThrow(
                () ->
                    new ModelFailure(
                        ModelFailure.Kind.NOT_CONFIGURED,
                        "no provider '"
                            + parts[0]
                            + "' in models.providers and none built in ("
                            + String.join(", ", new java.util.TreeSet<>(BUILT_IN.keySet()))
                            + ")"));
    if (endpoint.key().isEmpty() && needsKey(parts[0])) {
      throw new ModelFailure(
          ModelFailure.Kind.NOT_CONFIGURED, endpoint.keyVariable() + " is not set");
    }
    return new Target(ref, endpoint, parts[1]);
  }

  private boolean needsKey(String name) {
    CrewConfig.ModelProvider entry = config.models().providers().get(name);
    if (entry != null && entry.apiKeyEnv() != null) {
      return true;
    }
    BuiltIn builtIn = BUILT_IN.get(name);
    return builtIn != null && builtIn.needsKey();
  }

  /** The endpoint of a configured or built-in provider. */
  public Optional<Endpoint> endpoint(String name) {
    CrewConfig.ModelProvider entry = config.models().providers().get(name);
    BuiltIn builtIn = BUILT_IN.get(name);
    if (entry == null && builtIn == null) {
      return Optional.empty();
    }
    String baseUrl =
        entry != null && entry.baseUrl() != null
            ? entry.baseUrl()
            : builtIn != null ? builtIn.baseUrl() : null;
    if (baseUrl == null) {
      return Optional.empty();
    }
    String keyVariable =
        entry != null && entry.apiKeyEnv() != null
            ? entry.apiKeyEnv()
            : builtIn != null ? builtIn.keyVariable() : entry.apiKeyEnvFor(name);
    String api =
        entry != null && entry.api() != null
            ? entry.api()
            : builtIn != null ? builtIn.api() : Endpoint.OPENAI;
    String key = env.get(keyVariable);
    return Optional.of(
        new Endpoint(
            name,
            baseUrl,
            api,
            keyVariable,
            key == null || key.isBlank()
                ? Optional.empty()
                : Optional.of(new Endpoint.ApiKey(key.strip()))));
  }

  /** The adapter that speaks {@code endpoint}'s API. */
  public ModelProvider adapter(Endpoint endpoint) {
    return adapters.computeIfAbsent(endpoint.name(), n -> adapterFor.apply(endpoint));
  }

  /** Every provider some agent's model names, or {@code models.providers} lists, by name. */
  public Map<String, List<String>> providersInUse() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    config.models().providers().keySet().stream()
        .sorted()
        .forEach(n -> out.put(n, new ArrayList<>(configuredModels(n))));
    for (KnownAgent agent : KnownAgent.values()) {
      for (String ref : refsFor(agent)) {
        split(ref)
            .ifPresent(
                p -> {
                  List<String> models = out.computeIfAbsent(p[0], k -> new ArrayList<>());
                  if (!models.contains(p[1])) {
                    models.add(p[1]);
                  }
                });
      }
    }
    return out;
  }

  private List<String> configuredModels(String name) {
    CrewConfig.ModelProvider entry = config.models().providers().get(name);
    return entry == null
        ? List.of()
        : entry.models().stream().map(CrewConfig.ModelEntry::id).toList();
  }

  static String envName(String provider) {
    return provider.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
  }
}
