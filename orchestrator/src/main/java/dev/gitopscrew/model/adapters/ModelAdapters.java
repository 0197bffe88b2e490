package dev.gitopscrew.model.adapters;

import dev.gitopscrew.model.Endpoint;
import dev.gitopscrew.model.ModelProvider;
import dev.gitopscrew.model.anthropic.AnthropicMessages;
import dev.gitopscrew.model.openai.OpenAiChatCompletions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/** The adapter for each provider's {@code api}, all on one HTTP client. */
public final class ModelAdapters {

  private ModelAdapters() {}

  public static Function<Endpoint, ModelProvider> byApi(Clock clock) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    return endpoint ->
        Endpoint.ANTHROPIC.equals(endpoint.api())
            ? new AnthropicMessages(endpoint, http, clock)
            : new OpenAiChatCompletions(endpoint, http, clock);
  }
}
