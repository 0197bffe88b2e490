package dev.gitopscrew.settings;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.LabelScheme;
import dev.gitopscrew.git.RepositorySpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The {@code git} section as the git-workflow module's records. */
public final class GitSettings {

  private GitSettings() {}

  public static Footprint footprint(CrewConfig config) {
    var f = config.git().footprint();
    return new Footprint(
        f.domain(),
        f.footer(),
        new LabelScheme(f.labels().type(), f.labels().area(), f.labels().priority(), f.areas()));
  }

  /**
   * The configured repositories by name; a repository the workflow cannot use (credentials in its
   * URL, a bad name or branch) is a configuration error naming it.
   */
  public static Map<String, RepositorySpec> repositories(CrewContext context) {
    Map<String, RepositorySpec> out = new TreeMap<>();
    context
        .loaded()
        .config()
        .git()
        .repositories()
        .forEach(
            (name, r) -> {
              try {
                out.put(
                    name,
                    new RepositorySpec(
                        name,
                        ForgeKind.fromConfig(r.forge()),
                        r.url(),
                        r.apiUrl(),
                        r.organization(),
                        r.project(),
                        r.defaultBranch()));
              } catch (IllegalArgumentException e) {
                throw context.configError("git.repositories." + name, e.getMessage());
              }
            });
    return out;
  }

  /** The repositories a change can name: the configured ones, else the seeded demo repository. */
  public static Map<String, RepositorySpec> repositoriesOrDemo(CrewContext context) {
    Map<String, RepositorySpec> configured = repositories(context);
    if (!configured.isEmpty()) {
      return configured;
    }
    Map<String, RepositorySpec> demo = new LinkedHashMap<>();
    demo.put(DemoRepository.NAME, DemoRepository.spec(context.stateDir()));
    return demo;
  }

  /**
   * The repository a command means when it names none: the only configured one, else the demo
   * repository (which, with several configured, is refused as not configured).
   */
  public static String defaultRepository(CrewContext context) {
    var configured = repositories(context).keySet();
    return configured.size() == 1 ? configured.iterator().next() : DemoRepository.NAME;
  }

  public static Path mirrorDir(CrewContext context) {
    return context.stateDir().resolve("mirrors");
  }
}
