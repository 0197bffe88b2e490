package dev.gitopscrew.release;

import dev.gitopscrew.forge.ForgeItem;

/**
 * Release notes written by the crew, from the counted pull requests: the annotated tag's message on
 * every forge, and the release body where the forge writes none (the local forge; on Azure DevOps
 * the tag message is the release).
 */
final class Notes {

  private Notes() {}

  static String of(Situation s, String version) {
    StringBuilder out = new StringBuilder("## What's changed\n\n");
    for (ForgeItem p : ReleaseContent.byNumber(s.counted())) {
      out.append("- ").append(p.title()).append(" (#").append(p.number()).append(")\n");
    }
    out.append('\n')
        .append(
            s.previous() == null
                ? "First release of " + s.spec().name() + "."
                : "Changes since " + s.previous() + ".");
    return out.toString();
  }

  static String tagMessage(Situation s, String version) {
    return "Release " + version + "\n\n" + of(s, version);
  }
}
