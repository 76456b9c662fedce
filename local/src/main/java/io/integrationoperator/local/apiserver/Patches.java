package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON merge patch (RFC 7386) and the subset of Kubernetes strategic merge patch that the kinds
 * served in local mode need.
 *
 * <p>Strategic merge patch here supports the {@code $patch} (replace, delete, merge), {@code
 * $retainKeys} and {@code $deleteFromPrimitiveList/<field>} directives, ignores {@code
 * $setElementOrder/<field>}, merges the object lists listed in {@link #MERGE_KEYS} by their key,
 * merges {@code finalizers} as a set and replaces every other list.
 */
public final class Patches {

  /** Fields whose list items merge by the named key, as the Kubernetes types declare them. */
  static final Map<String, String> MERGE_KEYS =
      Map.of(
          "ownerReferences", "uid",
          "containers", "name",
          "initContainers", "name",
          "volumes", "name",
          "env", "name",
          "volumeMounts", "mountPath",
          "imagePullSecrets", "name",
          "conditions", "type");

  private static final Set<String> PRIMITIVE_MERGE_LISTS = Set.of("finalizers");
  private static final String DIRECTIVE = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
  private static final String SET_ELEMENT_ORDER = "$setElementOrder/";

  private Patches() {}

  /** Applies a JSON merge patch; returns a new node and leaves both arguments unchanged. */
  public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  /**
   * Applies a strategic merge patch; returns a new node and leaves both arguments unchanged.
   *
   * @throws IllegalArgumentException for a {@code $patch} directive other than replace, delete or
   *     merge
   */
  public static JsonNode strategicMergePatch(JsonNode target, JsonNode patch) {
    JsonNode result = mergeValue(null, target, patch);
    return result == null ? JsonNodeFactory.instance.objectNode() : result;
  }

  private static JsonNode mergeValue(String field, JsonNode target, JsonNode patch) {
    if (patch.isObject()) {
      return mergeObject(target, (ObjectNode) patch);
    }
    if (patch.isArray() && target != null && target.isArray()) {
      return mergeList(field, (ArrayNode) target, (ArrayNode) patch);
    }
    return withoutDirectives(patch);
  }

  private static JsonNode mergeObject(JsonNode target, ObjectNode patch) {
    String directive = patch.path(DIRECTIVE).asText("merge");
    switch (directive) {
      case "delete":
        return null;
      case "replace":
        return withoutDirectives(patch);
      case "merge":
        break;
      default:
        throw new IllegalArgumentException("Unknown strategic merge patch directive " + directive);
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      applyField(result, entry.getKey(), entry.getValue());
    }
    if (patch.has(RETAIN_KEYS)) {
      Set<String> retained = new HashSet<>();
      patch.get(RETAIN_KEYS).forEach(key -> retained.add(key.asText()));
      result.retain(retained);
    }
    return result;
  }

  private static void applyField(ObjectNode result, String key, JsonNode value) {
    if (key.equals(DIRECTIVE) || key.equals(RETAIN_KEYS) || key.startsWith(SET_ELEMENT_ORDER)) {
      return;
    }
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      String listField = key.substring(DELETE_FROM_PRIMITIVE_LIST.length());
      JsonNode list = result.get(listField);
      if (list != null && list.isArray()) {
        Set<JsonNode> removed = new HashSet<>();
        value.forEach(removed::add);
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        list.forEach(
            item -> {
              if (!removed.contains(item)) {
                kept.add(item);
              }
            });
        result.set(listField, kept);
      }
      return;
    }
    if (value.isNull()) {
      result.remove(key);
      return;
    }
    JsonNode merged = mergeValue(key, result.get(key), value);
    if (merged == null) {
      result.remove(key);
    } else {
      result.set(key, merged);
    }
  }

  private static JsonNode mergeList(String field, ArrayNode target, ArrayNode patch) {
    if (PRIMITIVE_MERGE_LISTS.contains(field)) {
      ArrayNode result = target.deepCopy();
      Set<JsonNode> present = new HashSet<>();
      target.forEach(present::add);
      patch.forEach(
          item -> {
            if (present.add(item)) {
              result.add(item);
            }
          });
      return result;
    }
    String mergeKey = MERGE_KEYS.get(field);
    if (mergeKey == null) {
      return withoutDirectives(patch);
    }
    ArrayNode result = target.deepCopy();
    for (JsonNode item : patch) {
      mergeListItem(result, mergeKey, item);
    }
    return result;
  }

  private static void mergeListItem(ArrayNode result, String mergeKey, JsonNode item) {
    JsonNode key = item.get(mergeKey);
    int index = -1;
    for (int i = 0; key != null && i < result.size(); i++) {
      if (key.equals(result.get(i).get(mergeKey))) {
        index = i;
        break;
      }
    }
    boolean delete = "delete".equals(item.path(DIRECTIVE).asText());
    if (index >= 0 && delete) {
      result.remove(index);
    } else if (index >= 0) {
      result.set(index, mergeValue(null, result.get(index), item));
    } else if (!delete) {
      result.add(withoutDirectives(item));
    }
  }

  private static JsonNode withoutDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields()
          .forEachRemaining(
              entry -> {
                if (!entry.getKey().startsWith("$")) {
                  copy.set(entry.getKey(), withoutDirectives(entry.getValue()));
                }
              });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(withoutDirectives(item)));
      return copy;
    }
    return node.deepCopy();
  }
}
