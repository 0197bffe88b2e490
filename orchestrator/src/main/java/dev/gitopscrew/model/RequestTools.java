package dev.gitopscrew.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions a model may call: one per kind of the request catalogue that models are offered,
 * with its JSON Schema generated from the kind's fields. A call's arguments become the typed
 * request through the catalogue, as a person's typed request does, so a model's request is
 * validated exactly like a person's; nothing else can come out of a tool call.
 */
public final class RequestTools {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One function: its name, what it does, the tool it needs and how its arguments are read. */
  public record Function(
      String name,
      String description,
      Tool tool,
      Class<? extends Request> kind,
      ObjectNode parameters,
      Reader reader) {
    public ToolSpec spec() {
      return new ToolSpec(name, description, parameters);
    }

    public Request request(JsonNode arguments) {
      return reader.read(arguments);
    }
  }

  /** Reads a function's arguments into its typed request. */
  @FunctionalInterface
  public interface Reader {
    Request read(JsonNode arguments);
  }

  /** The functions of the crew's own catalogue. */
  public static final List<Function> ALL = of(RequestCatalogue.standard());

  private RequestTools() {}

  /** The functions of {@code catalogue}'s kinds that models are offered. */
  public static List<Function> of(RequestCatalogue catalogue) {
    return catalogue.offeredAt(Door.MODEL).stream().map(k -> function(catalogue, k)).toList();
  }

  public static Optional<Function> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static Function function(RequestCatalogue catalogue, RequestKind kind) {
    String description =
        kind.summary()
            + (kind.approval() == null
                ? ""
                : " Waits for a person's approval"
                    + (kind.approval().equals("always") ? "." : " " + kind.approval() + "."));
    return new Function(
        kind.functionName(),
        description,
        kind.tool(),
        kind.record(),
        schema(kind),
        arguments -> {
          if (arguments == null || !arguments.isObject()) {
            throw new BadRequestException("the arguments must be a JSON object");
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> values = JSON.convertValue(arguments, Map.class);
          return catalogue.typed(kind.id(), values, Door.MODEL, Map.of());
        });
  }

  /** The JSON Schema of a kind's fields: types, enums, ranges, required, nothing else. */
  public static ObjectNode schema(RequestKind kind) {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ArrayNode required = JSON.createArrayNode();
    for (Field f : kind.fields()) {
      ObjectNode p = props.putObject(f.name());
      switch (f.type()) {
        case INTEGER -> {
          p.put("type", "integer");
          if (f.min() != null) {
            p.put("minimum", f.min()).put("maximum", f.max());
          }
        }
        case BOOLEAN -> p.put("type", "boolean");
        case PAIRS ->
            p.put("type", "object").putObject("additionalProperties").put("type", "string");
        default -> p.put("type", "string");
      }
      p.put("description", f.help());
      if (f.type() == Field.Type.CHOICE) {
        ArrayNode values = p.putArray("enum");
        f.choices().forEach(values::add);
      }
      if (f.required()) {
        required.add(f.name());
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }
}
