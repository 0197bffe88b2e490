package dev.gitopscrew.model;

import java.time.Duration;
import java.util.List;

/**
 * One request to a model: the model id as its provider knows it, the conversation so far, the tools
 * offered (empty: answer in text) and how long to wait for the answer.
 */
public record ModelCall(
    String model, List<ModelMessage> messages, List<ToolSpec> tools, Duration timeout) {

  public ModelCall {
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
  }

  public ModelCall withModel(String id, Duration wait) {
    return new ModelCall(id, messages, tools, wait);
  }
}
