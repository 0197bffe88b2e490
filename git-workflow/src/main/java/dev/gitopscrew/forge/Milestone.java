package dev.gitopscrew.forge;

/**
 * A milestone as a forge reports it.
 *
 * @param number GitHub's milestone number; 0 on the local forge, which keys milestones by title
 * @param openIssues the open issues and pull requests in it, as the forge counts them
 * @param description never null
 */
public record Milestone(
    int number, String title, boolean open, int openIssues, String description, String url) {

  public Milestone {
    description = description == null ? "" : description;
  }
}
