package dev.gitopscrew.forge;

import java.util.Optional;
import java.util.Set;

/**
 * The issue side of a forge: issues (GitHub issues, Azure DevOps work items, local records), their
 * labels and their comments. Every forge offers it; a caller that needs only issues takes this.
 */
public interface Issues {

  /** The issue (GitHub issue, Azure DevOps work item, local record) with this number. */
  Issue issue(int number);

  /**
   * An open issue labelled {@code label} whose body carries {@code marker} or whose title is
   * exactly {@code title}; the label keeps the search to one page on a busy repository.
   */
  Optional<Issue> findOpenIssue(String title, String marker, String label);

  Issue createIssue(NewIssue issue);

  void addLabels(int issue, Set<String> labels);

  /**
   * Replaces an issue's labels with exactly {@code labels}, in one write: how a type label is
   * replaced, as an issue keeps exactly one.
   */
  void setLabels(int issue, Set<String> labels);

  /**
   * Reopens a closed issue. A forge that will not (a work item removed, no permission) throws a
   * {@link ForgeException} saying why.
   */
  void reopenIssue(int number);

  Comment comment(int issue, String body);

  /** A comment on {@code issue} whose body carries {@code marker}. */
  Optional<Comment> findComment(int issue, String marker);

  /** Replaces the body of an issue (a report kept current); title and labels stay. */
  Issue updateIssue(int number, String body);

  /** Closes an issue as done. */
  void closeIssue(int number);
}
