package dev.gitopscrew.channel.pr;

import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who may run {@code /crew} commands on a repository: users the configuration lists, and users the
 * forge says may push there. The forge's answer is kept briefly, so a burst of comments asks once.
 */
public final class WriteAccess {

  private record Answer(boolean canPush, Instant until) {}

  private final Set<String> listed;
  private final Duration keep;
  private final Clock clock;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  public WriteAccess(Iterable<String> listed, Duration keep, Clock clock) {
    this.listed =
        java.util.stream.StreamSupport.stream(listed.spliterator(), false)
            .map(WriteAccess::key)
            .collect(Collectors.toUnmodifiableSet());
    this.keep = keep;
    this.clock = clock;
  }

  /**
   * Whether {@code user} may run commands on {@code repository}; a forge that cannot answer (an
   * error) means no, and the answer is not kept.
   */
  public boolean allows(String repository, Forge forge, String user) {
    if (user == null || user.isBlank()) {
      return false;
    }
    if (listed.contains(key(user))) {
      return true;
    }
    String id = repository + "\u0000" + key(user);
    Instant now = clock.instant();
    Answer known = answers.get(id);
    if (known != null && now.isBefore(known.until())) {
      return known.canPush();
    }
    boolean canPush;
    try {
      canPush = forge.canPush(user);
    } catch (ForgeException e) {
      return false;
    }
    answers.put(id, new Answer(canPush, now.plus(keep)));
    return canPush;
  }

  private static String key(String user) {
    return user.strip().toLowerCase(Locale.ROOT);
  }
}
