package dev.gitopscrew.skill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitopscrew.roles.Tool;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses one SKILL.md: YAML front matter between {@code ---} lines, then a Markdown body. */
final class SkillParser {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new JsonMapper();

  /** The skill, or empty with the reason added to {@code problems}. */
  static Optional<Skill> parse(String source, String text, List<SkillProblem> problems) {
    String[] lines = text.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.add(new SkillProblem(source, 1, "no front matter: the file must start with ---"));
      return Optional.empty();
    }
    int end = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      problems.add(new SkillProblem(source, 1, "front matter is not closed by a --- line"));
      return Optional.empty();
    }
    String frontMatter = String.join("\n", List.of(lines).subList(1, end));
    JsonNode front;
    try {
      front = YAML.readTree(frontMatter);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() + 1 : 1;
      problems.add(
          new SkillProblem(
              source, line, "front matter is not valid YAML: " + e.getOriginalMessage()));
      return Optional.empty();
    }
    if (front == null || !front.isObject()) {
      problems.add(new SkillProblem(source, 2, "front matter must be a mapping"));
      return Optional.empty();
    }
    String name = text(front, "name");
    String description = text(front, "description");
    if (name == null || description == null) {
      problems.add(
          new SkillProblem(
              source,
              lineOf(lines, end, name == null ? "name" : "description"),
              "front matter needs a '" + (name == null ? "name" : "description") + "'"));
      return Optional.empty();
    }
    Set<String> mcp = new java.util.TreeSet<>();
    Set<Tool> tools =
        tools(source, front.get("metadata"), lineOf(lines, end, "metadata"), problems, mcp);
    String body = String.join("\n", List.of(lines).subList(end + 1, lines.length)).strip();
    return Optional.of(
        new Skill(
            name, description, source, tools, mcp, declaresTools(front.get("metadata")), body));
  }

  /** Whether the front matter has a {@code metadata.crew} block (JSON object or JSON text). */
  private static boolean declaresTools(JsonNode metadata) {
    if (metadata != null && metadata.isTextual()) {
      try {
        metadata = JSON.readTree(metadata.asText());
      } catch (JsonProcessingException e) {
        return false;
      }
    }
    return metadata != null && metadata.path("crew").isObject();
  }

  /** The crew's tools the list grants; its {@code mcp:} grants go to {@code mcp}. */
  private static Set<Tool> tools(
      String source, JsonNode metadata, int line, List<SkillProblem> problems, Set<String> mcp) {
    Set<Tool> tools = EnumSet.noneOf(Tool.class);
    if (metadata == null || metadata.isNull()) {
      return tools;
    }
    if (metadata.isTextual()) {
      // OpenClaw writes metadata as a JSON object; some files quote it as a string.
      try {
        metadata = JSON.readTree(metadata.asText());
      } catch (JsonProcessingException e) {
        problems.add(
            new SkillProblem(source, line, "metadata is not a JSON object; no tools granted"));
        return tools;
      }
    }
    JsonNode list = metadata.path("crew").path("tools");
    if (list.isMissingNode()) {
      return tools;
    }
    if (!list.isArray()) {
      problems.add(
          new SkillProblem(source, line, "metadata.crew.tools must be a list; no tools granted"));
      return tools;
    }
    for (JsonNode item : list) {
      if (item.asText().startsWith(MCP_PREFIX)) {
        String grant = item.asText().substring(MCP_PREFIX.length());
        if (MCP_GRANT.matcher(grant).matches()) {
          mcp.add(grant);
        } else {
          problems.add(
              new SkillProblem(
                  source,
                  line,
                  "'"
                      + item.asText()
                      + "' is no MCP grant (mcp:SERVER or mcp:SERVER/TOOL); ignored"));
        }
        continue;
      }
      Optional<Tool> tool = Tool.byId(item.asText());
      if (tool.isPresent()) {
        tools.add(tool.get());
      } else {
        problems.add(
            new SkillProblem(source, line, "unknown tool '" + item.asText() + "' ignored"));
      }
    }
    return tools;
  }

  private static final String MCP_PREFIX = "mcp:";
  private static final java.util.regex.Pattern MCP_GRANT =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.:-]+)?");

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static int lineOf(String[] lines, int end, String key) {
    for (int i = 1; i < end; i++) {
      if (lines[i].startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }
}
