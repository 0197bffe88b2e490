package dev.gitopscrew.forge;

/** Release notes a forge wrote (GitHub's {@code releases/generate-notes}): a title and a body. */
public record ReleaseNotes(String name, String body) {}
