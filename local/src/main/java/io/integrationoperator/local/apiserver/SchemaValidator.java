package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a custom resource against its CRD's structural OpenAPI v3 schema, as an API server does on
 * create and update: unknown fields are reported and pruned, and {@code type}, {@code required},
 * {@code enum}, {@code pattern}, {@code minimum}, {@code maximum}, {@code minLength} and {@code
 * maxLength} are enforced.
 *
 * <p>NOTE: CEL rules ({@code x-kubernetes-validations}), formats and defaults are not applied, so a
 * local mode cluster accepts some objects that a real one rejects.
 */
public final class SchemaValidator {

  /** Top-level fields that every object has and the CRD schema does not describe. */
  private static final Set<String> OBJECT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  /**
   * Outcome of one check.
   *
   * @param unknownFields paths of fields the schema does not allow, such as {@code spec.foo}
   * @param violations messages for values that break the schema, each starting with its path
   * @param pruned the object without the unknown fields
   */
  public record Result(List<String> unknownFields, List<String> violations, JsonNode pruned) {}

  private final List<String> unknownFields = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();

  private SchemaValidator() {}

  /** Checks the object (not changed) against the CRD's {@code openAPIV3Schema}. */
  public static Result validate(JsonNode schema, JsonNode object) {
    SchemaValidator validator = new SchemaValidator();
    ObjectNode pruned = ((ObjectNode) object).deepCopy();
    validator.checkRoot(schema, pruned);
    return new Result(
        List.copyOf(validator.unknownFields), List.copyOf(validator.violations), pruned);
  }

  private void checkRoot(JsonNode schema, ObjectNode object) {
    JsonNode properties = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (OBJECT_FIELDS.contains(name)) {
        continue;
      }
      if (!properties.has(name)) {
        unknownFields.add(name);
        it.remove();
      } else {
        check(properties.get(name), field.getValue(), name);
      }
    }
    checkRequired(schema, object, "");
  }

  private void check(JsonNode schema, JsonNode value, String path) {
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        violations.add(path + ": Invalid value: \"null\": " + path + " in body must not be null");
      }
      return;
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        violations.add(typeMessage(path, value, "integer or string"));
      }
      return;
    }
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      violations.add(typeMessage(path, value, type));
      return;
    }
    checkEnum(schema, value, path);
    checkString(schema, value, path);
    checkNumber(schema, value, path);
    if (value.isObject()) {
      checkObject(schema, (ObjectNode) value, path);
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]");
      }
    }
  }

  private void checkObject(JsonNode schema, ObjectNode object, String path) {
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), fieldPath);
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), fieldPath);
      } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
        unknownFields.add(fieldPath);
        it.remove();
      }
    }
    checkRequired(schema, object, path);
  }

  private void checkRequired(JsonNode schema, JsonNode object, String path) {
    for (JsonNode required : schema.path("required")) {
      if (!object.has(required.asText())) {
        String fieldPath = path.isEmpty() ? required.asText() : path + "." + required.asText();
        violations.add(fieldPath + ": Required value");
      }
    }
  }

  private void checkEnum(JsonNode schema, JsonNode value, String path) {
    JsonNode allowed = schema.get("enum");
    if (allowed == null || !allowed.isArray()) {
      return;
    }
    for (JsonNode option : allowed) {
      if (option.equals(value)) {
        return;
      }
    }
    List<String> options = new ArrayList<>();
    allowed.forEach(option -> options.add("\"" + option.asText() + "\""));
    violations.add(
        path
            + ": Unsupported value: "
            + value
            + ": supported values: "
            + String.join(", ", options));
  }

  private void checkString(JsonNode schema, JsonNode value, String path) {
    if (!value.isTextual()) {
      return;
    }
    String text = value.asText();
    if (schema.has("pattern") && !matches(schema.get("pattern").asText(), text)) {
      violations.add(
          path
              + ": Invalid value: "
              + value
              + ": "
              + path
              + " in body should match '"
              + schema.get("pattern").asText()
              + "'");
    }
    if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
      violations.add(
          path
              + ": Invalid value: "
              + value
              + ": must have at least "
              + schema.get("minLength").asInt()
              + " characters");
    }
    if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
      violations.add(
          path + ": Too long: may not be more than " + schema.get("maxLength").asInt() + " bytes");
    }
  }

  private void checkNumber(JsonNode schema, JsonNode value, String path) {
    if (!value.isNumber()) {
      return;
    }
    if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
      violations.add(
          path
              + ": Invalid value: "
              + value
              + ": "
              + path
              + " in body should be greater than or equal to "
              + schema.get("minimum"));
    }
    if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
      violations.add(
          path
              + ": Invalid value: "
              + value
              + ": "
              + path
              + " in body should be less than or equal to "
              + schema.get("maximum"));
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      // A Go (RE2) pattern that Java cannot compile is not enforced rather than rejecting input.
      return true;
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  private static String typeMessage(String path, JsonNode value, String type) {
    String actual =
        value.isTextual()
            ? "string"
            : value.isIntegralNumber()
                ? "integer"
                : value.isNumber()
                    ? "number"
                    : value.isBoolean() ? "boolean" : value.getNodeType().name().toLowerCase();
    return path
        + ": Invalid value: \""
        + actual
        + "\": "
        + path
        + " in body must be of type "
        + type
        + ": \""
        + actual
        + "\"";
  }
}
