package dev.gitopscrew.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.git.RepositoryReader;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The read-only repository functions a model may call so that an edit is grounded in the files:
 * {@code list_files}, {@code read_file} and {@code search_files}. They are not requests: they run
 * at once, in the planning session, and write nothing. They are offered only when the asking agent
 * holds {@code forge.read} in the place the text came from, and every call is checked again; a
 * refusal or an error is the call's result, never an exception. Every result is bounded and
 * redacted.
 */
public final class RepositoryFunctions {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String LIST = "list_files";
  static final String READ = "read_file";
  static final String SEARCH = "search_files";

  /** The longest result a model reads: a whole 64 KiB file and its header line. */
  public static final int RESULT_CHARS = RepositoryReader.MAX_BYTES + 1_000;

  private static final Set<String> NAMES = Set.of(LIST, READ, SEARCH);

  private final RepositoryReader reader;
  private final PermissionChain permissions;
  private final Redactor redactor;

  public RepositoryFunctions(
      RepositoryReader reader, PermissionChain permissions, Redactor redactor) {
    this.reader = reader;
    this.permissions = permissions;
    this.redactor = redactor;
  }

  /** Whether {@code function} is one of these functions (whoever may call it). */
  public static boolean handles(String function) {
    return NAMES.contains(function);
  }

  /**
   * The functions offered to {@code agent} in {@code scope}: all three with forge.read, else none.
   */
  public List<ToolSpec> offered(KnownAgent agent, ChannelScope scope) {
    if (!permissions.check(agent, scope, Tool.FORGE_READ).allowed()) {
      return List.of();
    }
    String repositories = String.join(", ", reader.repositories());
    ObjectNode repository = property("string", "the configured repository: one of " + repositories);
    ObjectNode ref =
        property("string", "a branch, tag or commit; the repository's default branch when omitted");
    return List.of(
        new ToolSpec(
            LIST,
            "List the files under a folder of a repository (recursively, at most "
                + RepositoryReader.MAX_FILES
                + "). Read-only.",
            schema(
                List.of("repository"),
                "repository",
                repository,
                "path",
                property("string", "a folder or file, relative to the root; the root when omitted"),
                "ref",
                ref)),
        new ToolSpec(
            READ,
            "Read one text file of a repository (at most 64 KiB). Read a file before proposing a"
                + " change to it. Read-only.",
            schema(
                List.of("repository", "path"),
                "repository",
                repository,
                "path",
                property("string", "the file, relative to the repository root"),
                "ref",
                ref)),
        new ToolSpec(
            SEARCH,
            "Search the text files of a repository for a text, ignoring case; answers path:line:"
                + " text, at most "
                + RepositoryReader.MAX_HITS
                + " lines. Read-only.",
            schema(
                List.of("repository", "text"),
                "repository",
                repository,
                "text",
                property("string", "the text to find (plain text, not a pattern)"),
                "path",
                property("string", "only under this folder; everywhere when omitted"),
                "ref",
                ref)));
  }

  /** Checks and runs one call; never throws for anything the model did. */
  public ToolCallDoor.Outcome call(ToolCall call, KnownAgent agent, ChannelScope scope) {
    Decision decision = permissions.check(agent, scope, Tool.FORGE_READ);
    if (decision instanceof Decision.Refused refused) {
      return ToolCallDoor.Outcome.refused(
          call, redactor.redact(refused.missingLink()) + "; nothing was read");
    }
    ToolArguments args;
    try {
      JsonNode node =
          JSON.readTree(
              call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments());
      args = new ToolArguments(node);
      unknownArguments(node, call.name());
    } catch (IOException e) {
      return ToolCallDoor.Outcome.refused(call, "the arguments are not JSON; nothing was read");
    } catch (RuntimeException e) {
      return ToolCallDoor.Outcome.refused(
          call, redactor.redact(String.valueOf(e.getMessage())) + "; nothing was read");
    }
    String text;
    try {
      text =
          switch (call.name()) {
            case LIST -> list(args);
            case READ -> read(args);
            case SEARCH -> search(args);
            default -> throw new IllegalStateException("not a repository function: " + call.name());
          };
    } catch (RuntimeException e) {
      return result(call, "failed", String.valueOf(e.getMessage()));
    }
    return result(call, "succeeded", text);
  }

  private String list(ToolArguments args) {
    RepositoryReader.Listing l =
        reader.list(args.text("repository"), args.optText("path"), args.optText("ref"));
    StringBuilder out =
        new StringBuilder()
            .append(l.total())
            .append(l.total() == 1 ? " file under " : " files under ")
            .append(l.path().isEmpty() ? "the root" : l.path())
            .append(" of ")
            .append(l.repository())
            .append(" at ")
            .append(l.at())
            .append(l.cut() ? "; the first " + l.files().size() + " (cut, narrow the path):" : ":");
    l.files().forEach(f -> out.append('\n').append(f));
    return out.toString();
  }

  private String read(ToolArguments args) {
    RepositoryReader.FileText f =
        reader.read(args.text("repository"), args.text("path"), args.optText("ref"));
    return f.path()
        + " of "
        + f.repository()
        + " at "
        + f.at()
        + ", "
        + f.size()
        + " bytes"
        + (f.cut()
            ? " (cut: the first "
                + f.text().length()
                + " characters, at most "
                + RepositoryReader.MAX_BYTES
                + " bytes)"
            : "")
        + ":\n"
        + f.text();
  }

  private String search(ToolArguments args) {
    RepositoryReader.Hits h =
        reader.search(
            args.text("repository"), args.text("text"), args.optText("path"), args.optText("ref"));
    StringBuilder out =
        new StringBuilder()
            .append(h.hits().size())
            .append(h.hits().size() == 1 ? " line" : " lines")
            .append(" containing \"")
            .append(h.text())
            .append("\" in ")
            .append(h.repository())
            .append(h.path().isEmpty() ? "" : "/" + h.path())
            .append(" at ")
            .append(h.at())
            .append(" (")
            .append(h.searched())
            .append(" files searched")
            .append(h.skipped() == 0 ? "" : ", " + h.skipped() + " binary or large ones skipped")
            .append(h.cut() ? "; cut at " + RepositoryReader.MAX_HITS + ", narrow the search" : "")
            .append(")")
            .append(h.hits().isEmpty() ? "" : ":");
    h.hits()
        .forEach(
            hit ->
                out.append('\n')
                    .append(hit.path())
                    .append(':')
                    .append(hit.line())
                    .append(": ")
                    .append(hit.text()));
    return out.toString();
  }

  private ToolCallDoor.Outcome result(ToolCall call, String state, String text) {
    String clean = redactor.redact(text);
    if (clean.length() > RESULT_CHARS) {
      clean = clean.substring(0, RESULT_CHARS) + "…";
    }
    return new ToolCallDoor.Outcome(
        call.name(), redactor.redact(call.arguments()), null, null, state, clean);
  }

  private static void unknownArguments(JsonNode node, String function) {
    List<String> known =
        function.equals(SEARCH)
            ? List.of("repository", "text", "path", "ref")
            : List.of("repository", "path", "ref");
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown argument '" + name + "' (" + function + " takes " + known + ")");
      }
    }
  }

  private static ObjectNode property(String type, String description) {
    return JSON.createObjectNode().put("type", type).put("description", description);
  }

  private static ObjectNode schema(List<String> required, Object... namesAndProperties) {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    for (int i = 0; i < namesAndProperties.length; i += 2) {
      props.set(
          (String) namesAndProperties[i], ((ObjectNode) namesAndProperties[i + 1]).deepCopy());
    }
    required.forEach(schema.putArray("required")::add);
    schema.put("additionalProperties", false);
    return schema;
  }
}
