package dev.gitopscrew.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds keys the configuration records do not declare, by walking the parsed file alongside the
 * record types; each is reported with its path rather than silently dropped.
 */
final class KnownKeys {

  record Unknown(String path, boolean topLevel, String key) {}

  private KnownKeys() {}

  static List<Unknown> find(JsonNode root, Class<?> type) {
    List<Unknown> out = new ArrayList<>();
    walk(root, type, "", out);
    return out;
  }

  private static void walk(JsonNode node, Type type, String path, List<Unknown> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw) && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), args[0], path + "[" + i + "]", out);
        }
      } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
        node.fields()
            .forEachRemaining(e -> walk(e.getValue(), args[1], join(path, e.getKey()), out));
      }
      return;
    }
    if (!(type instanceof Class<?> cls) || !cls.isRecord() || !node.isObject()) {
      return;
    }
    Map<String, Type> declared = new java.util.HashMap<>();
    for (RecordComponent c : cls.getRecordComponents()) {
      JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
      String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
      declared.put(name, c.getGenericType());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Type t = declared.get(e.getKey());
      if (t == null) {
        out.add(new Unknown(join(path, e.getKey()), path.isEmpty(), e.getKey()));
      } else if (!LEAVES.contains(t)) {
        walk(e.getValue(), t, join(path, e.getKey()), out);
      }
    }
  }

  /** Types whose content is free-form or checked by their own deserializer. */
  private static final Set<Type> LEAVES = Set.of(JsonNode.class, ModelRef.class);

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
