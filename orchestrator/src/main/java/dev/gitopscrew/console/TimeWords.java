package dev.gitopscrew.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;

/** Times in the console's templates as people read them: {@code {approval.requestedAt.utc}}. */
@TemplateExtension
final class TimeWords {

  private TimeWords() {}

  static String utc(Instant at) {
    return ConsolePages.time(at);
  }
}
