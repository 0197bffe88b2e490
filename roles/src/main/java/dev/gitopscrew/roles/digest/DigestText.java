package dev.gitopscrew.roles.digest;

import dev.gitopscrew.roles.release.UnreleasedWork;
import dev.gitopscrew.roles.work.CrewActivity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A digest in words: one headline, then a short section per kind of thing that happened. */
final class DigestText {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private DigestText() {}

  static String of(WriteDigest.Seen seen) {
    CrewActivity.Span span = seen.activity();
    int total = span.requests().values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder out =
        new StringBuilder("digest from ")
            .append(AT.format(seen.since()))
            .append(" to ")
            .append(AT.format(seen.until()))
            .append('\n')
            .append("requests: ")
            .append(total == 0 ? "none" : total + " (" + byState(span.requests()) + ")");
    section(out, "went wrong", span.failed());
    section(out, "incidents", span.incidents());
    section(out, "approvals waiting", span.waiting());
    if (seen.releases().isEmpty()) {
      out.append("\nreleases waiting: none");
    } else {
      out.append("\nreleases waiting:");
      seen.releases().forEach(w -> out.append("\n- ").append(w.line()));
    }
    for (UnreleasedWork.Unread u : seen.unread()) {
      out.append("\nnot read: ").append(u.repository()).append(": ").append(u.reason());
    }
    return out.toString();
  }

  private static String byState(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
        .collect(Collectors.joining(", "));
  }

  private static void section(StringBuilder out, String title, List<CrewActivity.Item> items) {
    if (items.isEmpty()) {
      out.append('\n').append(title).append(": none");
      return;
    }
    out.append('\n').append(title).append(':');
    for (CrewActivity.Item i : items) {
      out.append("\n- ")
          .append(i.id())
          .append(' ')
          .append(i.what())
          .append(" — ")
          .append(i.state().replace('_', ' '))
          .append(i.at() == null ? "" : ", " + AT.format(i.at()));
    }
  }
}
