package dev.gitopscrew.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A function offered to a model: its name, what it does, and its parameters as JSON Schema. */
public record ToolSpec(String name, String description, ObjectNode parameters) {}
