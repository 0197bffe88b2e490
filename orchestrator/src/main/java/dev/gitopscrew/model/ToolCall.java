package dev.gitopscrew.model;

/** A function call a model proposes: its id, the function's name and its arguments (JSON text). */
public record ToolCall(String id, String name, String arguments) {}
