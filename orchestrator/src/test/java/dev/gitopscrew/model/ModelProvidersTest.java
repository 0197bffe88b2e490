package dev.gitopscrew.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gitopscrew.config.ConfigException;
import dev.gitopscrew.config.ConfigLoader;
import dev.gitopscrew.config.ConfigProblem;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.config.LoadedConfig;
import dev.gitopscrew.config.ModelRef;
import dev.gitopscrew.roles.KnownAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model references as the seed user's configuration writes them, built-in providers and keys. */
class ModelProvidersTest {

  /** The seed's models: OpenRouter primary, Gemini fallback, both built in, no models section. */
  static final String SEED =
      """
      {
        "agents": {
          "defaults": { "model": { "primary": "openrouter/stepfun/step-3.5-flash:free",
                                   "fallbacks": ["google/gemini-2.5-pro"] } },
          "list": [
            { "id": "homelab-admin", "default": true,
              "model": { "primary": "openrouter/stepfun/step-3.5-flash:free", "fallbacks": ["google/gemini-2.5-pro"] } },
            { "id": "devops-sre", "model": "google/gemini-2.5-pro" },
            { "id": "deutsch-tutor", "model": "openrouter/anthropic/claude-opus-4-6" }
          ]
        }
      }
      """;

  static final Map<String, String> ENV =
      Map.of(
          "OPENROUTER_API_KEY",
          Completions.OPENROUTER_KEY,
          "GEMINI_API_KEY",
          Completions.GEMINI_KEY);

  @TempDir Path dir;

  LoadedConfig load(String json) throws Exception {
    Path file = dir.resolve("openclaw.json");
    Files.writeString(file, json);
    return new ConfigLoader(ENV).load(Optional.of(file));
  }

  @Test
  void theSeedConfigurationWorksAsWrittenWithBuiltInProviders() throws Exception {
    LoadedConfig loaded = load(SEED);
    ModelProviders providers =
        new ModelProviders(
            loaded.config(),
            ENV,
            dev.gitopscrew.model.openai.OpenAiChatCompletions.factory(Clock.systemUTC()));

    assertThat(loaded.problems()).noneMatch(p -> p.path().contains("model"));
    assertThat(providers.refsFor(KnownAgent.HOMELAB_ADMIN))
        .containsExactly("openrouter/stepfun/step-3.5-flash:free", "google/gemini-2.5-pro");
    ModelProviders.Target primary = providers.resolve("openrouter/stepfun/step-3.5-flash:free");
    assertThat(primary.model()).isEqualTo("stepfun/step-3.5-flash:free");
    assertThat(primary.endpoint().baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
    assertThat(primary.endpoint().keyVariable()).isEqualTo("OPENROUTER_API_KEY");
    assertThat(primary.endpoint().key())
        .map(Endpoint.ApiKey::value)
        .contains(Completions.OPENROUTER_KEY);
    ModelProviders.Target fallback = providers.resolve("google/gemini-2.5-pro");
    assertThat(fallback.model()).isEqualTo("gemini-2.5-pro");
    assertThat(fallback.endpoint().baseUrl())
        .isEqualTo("https://generativelanguage.googleapis.com/v1beta/openai");
    assertThat(fallback.endpoint().keyVariable()).isEqualTo("GEMINI_API_KEY");
  }

  @Test
  void aPlainStringIsAPrimaryWithoutFallbacksAndAgentsWithoutOneUseTheDefaults() throws Exception {
    CrewConfig config = load(SEED).config();

    assertThat(ModelProviders.refsFor(config, KnownAgent.DEVOPS_SRE))
        .containsExactly("google/gemini-2.5-pro");
    assertThat(ModelProviders.refsFor(config, KnownAgent.QA_TESTER))
        .containsExactly("openrouter/stepfun/step-3.5-flash:free", "google/gemini-2.5-pro");
    assertThat(ModelProviders.anyModel(CrewConfig.defaults())).isFalse();
  }

  @Test
  void aLocalOllamaNeedsNoKeyAndAProviderEntryOverridesTheBuiltInAddress() throws Exception {
    CrewConfig config =
        load("""
                { "agents": { "defaults": { "model": "ollama/qwen3:8b" } },
                  "models": { "providers": { "ollama": { "baseUrl": "http://ollama.cluster.local:11434/v1",
                    "models": [{ "id": "qwen3:8b", "name": "Qwen3 8B" }] } } } }
                """)
            .config();
    ModelProviders providers =
        new ModelProviders(
            config,
            Map.of(),
            dev.gitopscrew.model.openai.OpenAiChatCompletions.factory(Clock.systemUTC()));

    ModelProviders.Target target = providers.resolve("ollama/qwen3:8b");

    assertThat(target.endpoint().baseUrl()).isEqualTo("http://ollama.cluster.local:11434/v1");
    assertThat(target.endpoint().key()).isEmpty();
    assertThat(target.model()).isEqualTo("qwen3:8b");
  }

  @Test
  void referencesThatNameNoProviderAreReportedByTheConfigurationCheck() throws Exception {
    ConfigException bad =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    """
                    { "agents": { "defaults": { "model": { "primary": "gpt-4o", "fallbacks": ["acme/m1"] } } },
                      "models": { "providers": { "local": { "api": "openai-completions" },
                                                 "vllm": { "baseUrl": "http://vllm:8000/v1", "api": "grpc" } } } }
                    """));

    assertThat(bad.problems())
        .extracting(p -> p.path() + ": " + p.message())
        .contains(
            "agents.defaults.model.primary: expected provider/model, like"
                + " openrouter/stepfun/step-3.5-flash:free, found \"gpt-4o\"",
            "models.providers.local: missing required value 'baseUrl'")
        .anyMatch(s -> s.startsWith("agents.defaults.model.fallbacks[0]: no provider 'acme'"))
        .anyMatch(s -> s.startsWith("models.providers.vllm.api: expected one of"));
    LoadedConfig warned = load("{ \"agents\": { \"defaults\": { \"model\": \"acme/m1\" } } }");
    assertThat(warned.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.severity()).isEqualTo(ConfigProblem.Severity.WARNING));
    ModelProviders providers =
        new ModelProviders(
            warned.config(),
            ENV,
            dev.gitopscrew.model.openai.OpenAiChatCompletions.factory(Clock.systemUTC()));
    assertThat(
            catchThrowableOfType(ModelFailure.class, () -> providers.resolve("acme/m1"))
                .getMessage())
        .startsWith("not configured: no provider 'acme' in models.providers and none built in");
  }

  @Test
  void theBuiltInProvidersAreTheOnesTheConfigurationKnows() {
    assertThat(ModelProviders.BUILT_IN.keySet()).isEqualTo(ModelRef.BUILT_IN_PROVIDERS);
    assertThat(List.copyOf(ModelRef.APIS)).containsAll(ModelProviders.APIS);
  }
}
