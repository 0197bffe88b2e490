package dev.gitopscrew.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitopscrew.config.ConfigProblem.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON (OpenClaw's JSON5 dialect: comments, trailing commas) or YAML configuration file
 * into a {@link CrewConfig}. Unknown keys become warnings naming their path and line; a wrong type
 * or a missing required value is a {@link ConfigException} naming file, path and line.
 */
public final class ConfigLoader {

  /**
   * OpenClaw keys inside sections GitOps Crew reads, that it has no use for: noted, never warned
   * about ({@code []} stands for any list index).
   */
  private static final Set<String> OPENCLAW_KEYS =
      Set.of(
          "gateway.mode",
          "gateway.auth",
          "gateway.controlUi",
          "gateway.tailscale",
          "gateway.remote",
          "gateway.reload",
          "gateway.http",
          "agents.defaults.contextPruning",
          "agents.defaults.compaction",
          "agents.defaults.sandbox",
          "agents.defaults.maxConcurrent",
          "agents.defaults.models",
          "agents.defaults.imageModel",
          "agents.defaults.thinkingDefault",
          "agents.defaults.timeoutSeconds",
          "agents.defaults.blockStreamingDefault",
          "agents.list[].heartbeat",
          "agents.list[].sandbox",
          "agents.list[].groupChat",
          "agents.list[].tools",
          "channels.telegram",
          "channels.whatsapp",
          "channels.slack",
          "channels.signal",
          "channels.discord.token",
          "channels.discord.actions",
          "channels.discord.historyLimit",
          "channels.discord.textChunkLimit",
          "channels.discord.mediaMaxMb",
          "channels.discord.replyToMode",
          "channels.discord.dm",
          "models.mode",
          "tools.profile",
          "tools.allow",
          "tools.deny",
          "tools.exec",
          "tools.web",
          "tools.elevated",
          "tools.media",
          "skills.entries",
          "skills.allowBundled",
          "skills.install");

  /**
   * OpenClaw sections GitOps Crew reads some keys of: their other keys are noted, never warned
   * about (the heartbeat's prompt and model, the cron scheduler's run log and retention…).
   */
  private static final List<String> OPENCLAW_PREFIXES =
      List.of("agents.defaults.heartbeat.", "cron.");

  private static boolean isOpenClawKey(String path) {
    return OPENCLAW_KEYS.contains(path.replaceAll("\\[\\d+]", "[]"))
        || OPENCLAW_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /** OpenClaw sections GitOps Crew has no use for: noted, never warned about. */
  private static final Set<String> OPENCLAW_SECTIONS =
      Set.of(
          "meta",
          "wizard",
          "auth",
          "plugins",
          "messages",
          "commands",
          "hooks",
          "session",
          "browser",
          "ui",
          "logging",
          "env",
          "diagnostics",
          "update",
          "talk",
          "web",
          "broadcast",
          "audio",
          "bindings",
          "approvals",
          "canvasHost",
          "discovery");

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /**
   * The file named on the command line, else {@code CREW_CONFIG}, else {@code
   * ~/.gitops-crew/crew.json} when it exists, else the embedded defaults.
   */
  public LoadedConfig load(Optional<Path> explicit) {
    Optional<Path> chosen =
        explicit.or(() -> Optional.ofNullable(env.get("CREW_CONFIG")).map(Path::of));
    if (chosen.isPresent()) {
      return loadFile(chosen.get());
    }
    Path home = Path.of(System.getProperty("user.home"), ".gitops-crew", "crew.json");
    return Files.isRegularFile(home) ? loadFile(home) : LoadedConfig.embeddedDefaults();
  }

  public LoadedConfig loadFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Severity.ERROR,
                  file,
                  "",
                  0,
                  "no such configuration file (see docs/configuration.md)")));
    }
    List<ConfigProblem> problems = new ArrayList<>();
    ObjectMapper mapper = mapperFor(file);
    CrewConfig config;
    JsonNode tree = null;
    LineIndex lines = null;
    try {
      tree = mapper.readTree(file.toFile());
      lines = LineIndex.of(file, mapper);
      for (KnownKeys.Unknown u : KnownKeys.find(tree, CrewConfig.class)) {
        boolean openclaw =
            u.topLevel() ? OPENCLAW_SECTIONS.contains(u.key()) : isOpenClawKey(u.path());
        problems.add(
            new ConfigProblem(
                openclaw ? Severity.NOTE : Severity.WARNING,
                file,
                u.path(),
                lines.lineOf(u.path()),
                openclaw
                    ? (u.topLevel() ? "OpenClaw section" : "OpenClaw key")
                        + " not used by GitOps Crew"
                    : "unknown key, ignored"));
      }
      config = mapper.treeToValue(tree, CrewConfig.class);
    } catch (MismatchedInputException e) {
      problems.add(error(file, e, tree, lines));
      throw new ConfigException(errorsFirst(problems));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
      problems.add(
          new ConfigProblem(
              Severity.ERROR,
              file,
              "",
              line,
              "not valid " + syntax(file) + ": " + e.getOriginalMessage()));
      throw new ConfigException(errorsFirst(problems));
    } catch (IOException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(Severity.ERROR, file, "", 0, "cannot read: " + e.getMessage())));
    }
    if (config == null) {
      config = CrewConfig.defaults();
    }
    problems.addAll(new ConfigChecks(file, lines).check(config));
    LineIndex at = lines;
    if (problems.stream().noneMatch(p -> p.severity() == Severity.ERROR)) {
      config =
          OpenClawSchedules.adopt(
              config,
              file.toAbsolutePath().getParent(),
              (path, note) ->
                  problems.add(
                      new ConfigProblem(Severity.NOTE, file, path, at.lineOf(path), note)));
    }
    config =
        DefaultAgent.adopt(
            config,
            (path, note) ->
                problems.add(new ConfigProblem(Severity.NOTE, file, path, at.lineOf(path), note)));
    if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
      throw new ConfigException(errorsFirst(problems));
    }
    return new LoadedConfig(Optional.of(file), config, problems);
  }

  private static List<ConfigProblem> errorsFirst(List<ConfigProblem> problems) {
    return problems.stream()
        .sorted((a, b) -> a.severity().compareTo(b.severity()))
        .filter(p -> p.severity() != Severity.NOTE)
        .toList();
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String syntax(Path file) {
    return isYaml(file) ? "YAML" : "JSON";
  }

  static ObjectMapper mapperFor(Path file) {
    ObjectMapper mapper =
        isYaml(file)
            ? YAMLMapper.builder(new YAMLFactory()).build()
            : JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .build();
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    // Discord ids and user ids are often written as bare numbers; read them as the text they are.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return mapper;
  }

  private static ConfigProblem error(
      Path file, MismatchedInputException e, JsonNode tree, LineIndex lines) {
    String path = path(e.getPath());
    int line = lines != null ? lines.lineOf(path) : 0;
    String message;
    String original = e.getOriginalMessage();
    if (original.startsWith("Missing required creator property")) {
      String name = original.replaceAll(".*property '([^']*)'.*", "$1");
      message = "missing required value '" + name + "'";
    } else {
      message = "expected " + describe(e.getTargetType());
      JsonNode found = tree != null ? tree.at(pointer(e.getPath())) : null;
      if (found != null && !found.isMissingNode()) {
        message +=
            ", found "
                + (found.isContainerNode()
                    ? (found.isArray() ? "a list" : "an object")
                    : found.toString());
      }
    }
    return new ConfigProblem(Severity.ERROR, file, path, line, message);
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a different type";
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == ModelRef.class) {
      return "a model name or {primary, fallbacks}";
    }
    return "an object";
  }

  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      }
    }
    return sb.toString();
  }

  private static com.fasterxml.jackson.core.JsonPointer pointer(
      List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      String part = ref.getIndex() >= 0 ? Integer.toString(ref.getIndex()) : ref.getFieldName();
      if (part != null) {
        sb.append('/').append(part.replace("~", "~0").replace("/", "~1"));
      }
    }
    return com.fasterxml.jackson.core.JsonPointer.compile(sb.toString());
  }
}
