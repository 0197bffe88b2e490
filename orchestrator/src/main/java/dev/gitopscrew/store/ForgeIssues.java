package dev.gitopscrew.store;

import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import java.util.List;
import java.util.Optional;

/** The local forge's issues: numbered, labelled and commented on as {@link ForgeItems}. */
final class ForgeIssues {

  private final ForgeItems items;

  ForgeIssues(ForgeItems items) {
    this.items = items;
  }

  Issue insert(String repo, NewIssue issue) {
    int number =
        items.insert(
            repo, ForgeItems.ISSUE, issue.title(), issue.body(), null, null, null, issue.labels());
    return issue(repo, number).orElseThrow();
  }

  Optional<Issue> issue(String repo, int number) {
    return items.rows(repo, ForgeItems.ISSUE, number).stream()
        .findFirst()
        .map(ForgeItems.Row::toIssue);
  }

  List<Issue> issues(String repo) {
    return items.rows(repo, ForgeItems.ISSUE, null).stream().map(ForgeItems.Row::toIssue).toList();
  }

  void updateBody(String repo, int number, String body) {
    items.update(repo, number, ForgeItems.ISSUE, "body = :body", u -> u.bind("body", body));
  }

  void setOpen(String repo, int number, boolean open) {
    items.update(
        repo,
        number,
        ForgeItems.ISSUE,
        "state = :state",
        u -> u.bind("state", open ? "OPEN" : "CLOSED"));
  }
}
