package dev.gitopscrew.model;

import java.util.Optional;

/**
 * Where one provider is reached: its name in model references, the API base URL, which API it
 * speaks, the environment variable its key comes from, and the key itself (never printed).
 */
public record Endpoint(
    String name, String baseUrl, String api, String keyVariable, Optional<ApiKey> key) {

  public static final String OPENAI = "openai-completions";
  public static final String ANTHROPIC = "anthropic-messages";

  public Endpoint {
    baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** A provider's key: {@link #toString()} never shows it. */
  public record ApiKey(String value) {
    @Override
    public String toString() {
      return "***";
    }
  }

  @Override
  public String toString() {
    return name + " (" + baseUrl + ", " + api + ", key from " + keyVariable + ")";
  }
}
