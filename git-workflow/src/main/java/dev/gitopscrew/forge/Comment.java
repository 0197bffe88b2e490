package dev.gitopscrew.forge;

/** A comment on an issue. */
public record Comment(long id, String body, String url) {}
