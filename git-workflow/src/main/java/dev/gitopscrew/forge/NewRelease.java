package dev.gitopscrew.forge;

/**
 * A release to publish (never a draft: a draft creates no tag, the tag is pushed first).
 *
 * @param target the commit the tag points at ({@code target_commitish})
 * @param latest whether the forge is to mark it its latest release
 */
public record NewRelease(String tag, String target, String name, String body, boolean latest) {}
