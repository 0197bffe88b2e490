package dev.gitopscrew.forge;

/**
 * A release as a forge reports it: published, or a draft (which has no tag yet on GitHub).
 *
 * @param id the forge's id of the release (0 on the local forge, which keys releases by tag)
 * @param body the release notes, never null
 */
public record Release(long id, String tag, String name, String body, boolean draft, String url) {

  public Release {
    body = body == null ? "" : body;
  }
}
