package dev.gitopscrew.forge;

/** The port every forge adapter (GitHub, Azure DevOps, local) implements. */
public interface Forge {}
