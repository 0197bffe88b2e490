package dev.gitopscrew.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Arrays;

/**
 * Requests as JSON: how a session stores its request and how the API takes one. Every kind is known
 * from the sealed hierarchy, so adding a request kind needs no registration here. Scalars are never
 * coerced: a number where a string is expected is an error, not a string.
 */
public final class RequestJson {

  private static final java.util.Set<Class<?>> CONTRIBUTED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  // rebuilt when a kind is contributed: a mapper caches its deserializers once used
  private static volatile ObjectMapper MAPPER = configure(JsonMapper.builder().build());

  /**
   * Lets sessions store and read a contributed kind ({@link Request.Contributed}); the catalogue
   * registers the kinds it is given.
   */
  public static void register(Class<? extends Request.Contributed> kind) {
    if (CONTRIBUTED.add(kind)) {
      MAPPER = configure(JsonMapper.builder().build());
    }
  }

  private RequestJson() {}

  /** Registers the request kinds on {@code mapper} and makes it strict about scalar types. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerSubtypes(
        java.util.Arrays.stream(Request.class.getPermittedSubclasses())
            .filter(c -> !c.isInterface())
            .toArray(Class<?>[]::new));
    CONTRIBUTED.forEach(mapper::registerSubtypes);
    mapper.registerSubtypes(EditOperation.class.getPermittedSubclasses());
    mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  public static String write(Request request) {
    try {
      return MAPPER.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store request " + request.describe(), e);
    }
  }

  /** Reads a stored or posted request; a {@link BadRequestException} says what is wrong. */
  public static Request read(String json) {
    try {
      return MAPPER.readValue(json, Request.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BadRequestException bad) {
        throw bad;
      }
      throw new BadRequestException(plain(e.getOriginalMessage()));
    }
  }

  /**
   * A JSON parser's reason in the caller's words: the Java types it names ({@code
   * `dev.gitopscrew.request.Scan`}, {@code (class …)}) become what they are to a JSON sender.
   */
  public static String plain(String reason) {
    if (reason == null) {
      return "unreadable JSON";
    }
    return reason
        .replaceAll("\\s*\\(class [\\w.$]+\\)", "")
        .replaceAll("\\s*\\(token `JsonToken\\.\\w+`\\)", "")
        .replaceAll("\\s*\\(but could if coercion was enabled using `CoercionConfig`\\)", "")
        .replaceAll("`(java\\.lang\\.)?String`", "a string")
        .replaceAll("`(java\\.lang\\.)?(Integer|Long|Short|int|long|short)`", "a number")
        .replaceAll("`(java\\.lang\\.)?(Boolean|boolean)`", "true or false")
        .replaceAll("`java\\.util\\.(List|Set|Collection)(<[^`]*>)?`", "a list")
        .replaceAll("`java\\.util\\.Map(<[^`]*>)?`", "an object")
        .replaceAll("`[\\w.$<>, \\[\\]]+`", "an object");
  }

  /** The kind names a request's JSON may carry. */
  public static java.util.List<String> kinds() {
    return Arrays.stream(Request.class.getPermittedSubclasses())
        .filter(c -> !c.isInterface())
        .map(c -> c.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class).value())
        .toList();
  }
}
