package dev.gitopscrew.incident.runbook;

import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.Finding;
import dev.gitopscrew.incident.action.RunbookActions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runbooks from YAML: the built-ins shipped with the incident-response skill and those an operator
 * adds under {@code incident.runbooks}, checked when they are read so a mistake is an error naming
 * the runbook and the key, not a surprise during an incident.
 */
public final class Runbooks {

  public static final String BUILT_IN = "dev/gitopscrew/incident/runbook/runbooks.yaml";
  static final List<String> STEP_ACTIONS;

  static {
    List<String> actions = new ArrayList<>(RunbookActions.names());
    actions.add("rollback");
    STEP_ACTIONS = List.copyOf(actions);
  }

  private Runbooks() {}

  public static List<Runbook> builtIn() {
    try (InputStream in = Runbooks.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the build did not package " + BUILT_IN);
      }
      Object tree =
          new Yaml(new LoaderOptions()).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return parse("built-in", tree instanceof Map<?, ?> m ? m.get("runbooks") : null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUILT_IN, e);
    }
  }

  /**
   * Runbooks from a parsed list (YAML or JSON), checked.
   *
   * @throws IllegalArgumentException naming the runbook and key that is wrong
   */
  public static List<Runbook> parse(String source, Object list) {
    if (list == null) {
      return List.of();
    }
    if (!(list instanceof List<?> items)) {
      throw new IllegalArgumentException("runbooks must be a list");
    }
    List<Runbook> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = "runbooks[" + i + "]";
      Map<?, ?> r = map(items.get(i), at);
      String name = text(r, "name", at);
      if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
        throw new IllegalArgumentException(
            at + ".name must be lower-case words with dashes: " + name);
      }
      Map<?, ?> trigger =
          r.get("trigger") == null ? Map.of() : map(r.get("trigger"), at + ".trigger");
      List<Runbook.Step> steps = new ArrayList<>();
      Object rawSteps = r.get("steps");
      if (!(rawSteps instanceof List<?> stepList) || stepList.isEmpty()) {
        throw new IllegalArgumentException(at + " (" + name + ") needs steps");
      }
      for (int s = 0; s < stepList.size(); s++) {
        String stepAt = at + ".steps[" + s + "]";
        Map<?, ?> step = map(stepList.get(s), stepAt);
        String action = text(step, "action", stepAt);
        if (!STEP_ACTIONS.contains(action)) {
          throw new IllegalArgumentException(
              stepAt + ".action '" + action + "' is not one of " + String.join(", ", STEP_ACTIONS));
        }
        String target = text(step, "target", stepAt);
        if (!target.matches("[a-z]+/[a-z0-9{}.-]+")) {
          throw new IllegalArgumentException(stepAt + ".target must be KIND/NAME, got " + target);
        }
        Object replicas = step.get("replicas");
        if (action.equals("scale") && !(replicas instanceof Integer)) {
          throw new IllegalArgumentException(stepAt + ": scale needs a whole-number replicas");
        }
        steps.add(
            new Runbook.Step(
                action,
                target,
                replicas instanceof Integer n ? n : null,
                Boolean.TRUE.equals(step.get("approval"))));
      }
      out.add(
          new Runbook(
              name,
              r.get("description") == null ? "" : String.valueOf(r.get("description")),
              new Runbook.Trigger(
                  strings(trigger, "events"),
                  strings(trigger, "findings"),
                  strings(trigger, "health"),
                  strings(trigger, "sync")),
              steps,
              source));
    }
    return out;
  }

  /** The first runbook whose trigger matches, configured ones before built-ins. */
  public static Optional<Runbook> matching(
      List<Runbook> runbooks, String event, AppStatus app, List<Finding> findings) {
    return runbooks.stream().filter(r -> r.trigger().matches(event, app, findings)).findFirst();
  }

  private static Map<?, ?> map(Object o, String at) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(at + " must be a mapping");
  }

  private static String text(Map<?, ?> m, String key, String at) {
    Object v = m.get(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(at + "." + key + " is required");
    }
    return s;
  }

  private static List<String> strings(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("trigger." + key + " must be a list");
    }
    return l.stream().map(String::valueOf).toList();
  }
}
