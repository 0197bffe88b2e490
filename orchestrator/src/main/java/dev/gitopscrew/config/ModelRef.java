package dev.gitopscrew.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/** A model choice: a plain string, or {@code {primary, fallbacks}}. */
public record ModelRef(String primary, List<String> fallbacks) {

  /** Providers a reference may name without a {@code models.providers} entry. */
  public static final java.util.Set<String> BUILT_IN_PROVIDERS =
      java.util.Set.of("openrouter", "google", "gemini", "openai", "anthropic", "ollama");

  /** The {@code api} values a provider may have; {@code openai-responses} is OpenClaw's name. */
  public static final java.util.Set<String> APIS =
      java.util.Set.of(
          "openai-completions",
          "openai-chat-completions",
          "openai-responses",
          "anthropic-messages");

  public ModelRef {
    fallbacks = fallbacks != null ? List.copyOf(fallbacks) : List.of();
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ModelRef of(String primary) {
    return new ModelRef(primary, List.of());
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public static ModelRef of(
      @com.fasterxml.jackson.annotation.JsonProperty("primary") String primary,
      @com.fasterxml.jackson.annotation.JsonProperty("fallbacks") List<String> fallbacks) {
    return new ModelRef(primary, fallbacks);
  }
}
