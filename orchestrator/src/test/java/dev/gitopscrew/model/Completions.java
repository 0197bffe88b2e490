package dev.gitopscrew.model;

/**
 * Chat-completions responses shaped like the real ones: OpenRouter's (with its {@code provider} and
 * upstream ids), Gemini's OpenAI endpoint and OpenAI's, including their error bodies.
 */
final class Completions {

  /** Real-looking keys: an OpenRouter key and a Google AI Studio key. */
  static final String OPENROUTER_KEY =
      "sk-or-v1-5f0d3c2b9a8e7f6d5c4b3a29180716253443526170819ab7c6d5e4f3a2b1c0d9e";

  static final String GEMINI_KEY = "AIzaSyD4x7Qm9Lk2Wv8Rt5Np3Hs6Jc1Fb0Ge7Ua";

  private Completions() {}

  /** OpenRouter answering with one tool call (arguments as a JSON string, as the API sends). */
  static String toolCall(String model, String id, String function, String argumentsJson) {
    return """
        {
          "id": "gen-1733212345-Xb9kQ2mZr8T4vLpW7nYc",
          "provider": "StepFun",
          "model": "%s",
          "object": "chat.completion",
          "created": 1733212345,
          "choices": [
            {
              "logprobs": null,
              "finish_reason": "tool_calls",
              "native_finish_reason": "tool_calls",
              "index": 0,
              "message": {
                "role": "assistant",
                "content": "",
                "refusal": null,
                "reasoning": null,
                "tool_calls": [
                  {
                    "id": "%s",
                    "index": 0,
                    "type": "function",
                    "function": { "name": "%s", "arguments": %s }
                  }
                ]
              }
            }
          ],
          "usage": { "prompt_tokens": 1864, "completion_tokens": 41, "total_tokens": 1905 }
        }
        """
        .formatted(model, id, function, quote(argumentsJson));
  }

  /** A plain text answer. */
  static String text(String model, String content) {
    return """
        {
          "id": "chatcmpl-B9MHDbslfCsjHGkSEZcsrBY5Zl0xT",
          "object": "chat.completion",
          "created": 1733212399,
          "model": "%s",
          "system_fingerprint": "fp_f85bea6784",
          "choices": [
            {
              "index": 0,
              "message": { "role": "assistant", "content": %s, "refusal": null, "annotations": [] },
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": {
            "prompt_tokens": 2011,
            "completion_tokens": 58,
            "total_tokens": 2069,
            "prompt_tokens_details": { "cached_tokens": 0, "audio_tokens": 0 },
            "completion_tokens_details": { "reasoning_tokens": 0, "audio_tokens": 0 }
          }
        }
        """
        .formatted(model, quote(content));
  }

  /** OpenRouter's 429 for a free model. */
  static final String OPENROUTER_429 =
      """
      {
        "error": {
          "message": "stepfun/step-3.5-flash:free is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations",
          "code": 429,
          "metadata": { "raw": "stepfun/step-3.5-flash:free is temporarily rate-limited upstream.", "provider_name": "StepFun" }
        },
        "user_id": "user_2pQx7Yb3Kc9LmN4vR8sT1wZ6aFh"
      }
      """;

  /** OpenRouter's 401 for a key it does not know. */
  static final String OPENROUTER_401 =
      """
      {"error":{"message":"No auth credentials found","code":401}}
      """;

  /** Gemini's OpenAI endpoint: errors come as an array. */
  static String gemini(int code, String status, String message) {
    return """
        [{
          "error": {
            "code": %d,
            "message": %s,
            "status": "%s"
          }
        }]
        """
        .formatted(code, quote(message), status);
  }

  /** An upstream failure OpenRouter reports with HTTP 200. */
  static final String OPENROUTER_200_ERROR =
      """
      {
        "id": "gen-1733212500-Qm3xT9vKp2LrZ8yWc4Nb",
        "object": "chat.completion",
        "created": 1733212500,
        "model": "stepfun/step-3.5-flash:free",
        "error": { "message": "Upstream error from StepFun: Service Unavailable", "code": 502,
                   "metadata": { "provider_name": "StepFun" } },
        "choices": []
      }
      """;

  /** OpenAI's refusal. */
  static final String REFUSAL =
      """
      {
        "id": "chatcmpl-AnqNq9fFQ2cXQ4y5nmXbIQWZy5sLq",
        "object": "chat.completion",
        "created": 1733212600,
        "model": "gpt-4o-2024-08-06",
        "choices": [ { "index": 0, "message": { "role": "assistant", "content": null,
          "refusal": "I'm sorry, I can't help with that." }, "logprobs": null, "finish_reason": "stop" } ],
        "usage": { "prompt_tokens": 812, "completion_tokens": 11, "total_tokens": 823 }
      }
      """;

  /** The {@code GET /models} list of an OpenAI-compatible server. */
  static final String MODELS =
      """
      {
        "object": "list",
        "data": [
          { "id": "stepfun/step-3.5-flash:free", "object": "model", "created": 1730000000, "owned_by": "stepfun" },
          { "id": "google/gemini-2.5-pro", "object": "model", "created": 1730000001, "owned_by": "google" }
        ]
      }
      """;

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
