package dev.gitopscrew.settings;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.store.StateStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Which state store the crew uses: the embedded one under the state directory, or the shared
 * PostgreSQL of {@code state.url} (user from {@code CREW_STATE_USER} or {@code state.user},
 * password from {@code CREW_STATE_PASSWORD}).
 */
public final class StoreSettings {

  /** How long a command waits for the embedded store another process holds. */
  public static final Duration EMBEDDED_WAIT = Duration.ofSeconds(60);

  private StoreSettings() {}

  public static Optional<String> sharedUrl(CrewContext context) {
    String env = context.env().get("CREW_STATE_URL");
    return Optional.ofNullable(env != null && !env.isBlank() ? env : null)
        .or(() -> Optional.ofNullable(context.loaded().config().state().url()));
  }

  /** Opens the configured store; {@code waiting} runs once if the embedded one is busy. */
  public static StateStore open(CrewContext context, Runnable waiting) {
    Optional<String> url = sharedUrl(context);
    if (url.isEmpty()) {
      return StateStore.openEmbedded(context.stateDir(), EMBEDDED_WAIT, waiting);
    }
    CrewConfig.StateSection state = context.loaded().config().state();
    String user = context.env().getOrDefault("CREW_STATE_USER", state.user());
    String password = context.env().getOrDefault("CREW_STATE_PASSWORD", "");
    return StateStore.open(url.get(), user == null ? "" : user, password);
  }

  /** The store as people see it named: the embedded file, or the URL without credentials. */
  public static String describe(CrewContext context) {
    return sharedUrl(context)
        .map(u -> "PostgreSQL, " + u.replaceAll("(?i)(password=)[^;&]*", "$1***"))
        .orElse("embedded, " + context.stateDir().resolve("state"));
  }
}
