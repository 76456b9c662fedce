package io.integrationoperator.client.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a JSON parameter value into a {@link ParameterValue}, checking it against the schema type.
 *
 * <p>Accepted: for integer, an integral number or a string of digits; for number, a number or a
 * numeric string; for boolean, true, false or the strings "true" and "false"; for string, any
 * primitive; for array, an array of primitives or a single primitive (one item); for object, an
 * object whose property values are primitives (null values are left out). With an unknown type the
 * value's own shape decides. A parameter defined with JSON {@code content} takes any value and
 * sends its compact JSON text.
 */
final class ParameterValues {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  private ParameterValues() {}

  /** Returns the value, or null when the node is absent or JSON null. */
  static ParameterValue read(ParameterSpec spec, JsonNode node) throws InvalidTaskInputException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (spec.contentType() != null) {
      return content(spec, node);
    }
    return switch (spec.type()) {
      case "array" -> items(spec, node);
      case "object" -> properties(spec, node);
      case "" -> byShape(spec, node);
      default -> new ParameterValue.Primitive(primitive(spec, spec.type(), node, spec.subject()));
    };
  }

  private static ParameterValue content(ParameterSpec spec, JsonNode node)
      throws InvalidTaskInputException {
    if (spec.contentType().toLowerCase(Locale.ROOT).contains("json")) {
      return new ParameterValue.Primitive(node.toString());
    }
    return new ParameterValue.Primitive(primitive(spec, "string", node, spec.subject()));
  }

  private static ParameterValue byShape(ParameterSpec spec, JsonNode node)
      throws InvalidTaskInputException {
    if (node.isArray()) {
      return items(spec, node);
    }
    if (node.isObject()) {
      return properties(spec, node);
    }
    return new ParameterValue.Primitive(primitive(spec, "", node, spec.subject()));
  }

  private static ParameterValue items(ParameterSpec spec, JsonNode node)
      throws InvalidTaskInputException {
    if (node.isObject()) {
      throw spec.invalid(
          spec.subject()
              + " must be an array; the value given is an object, so send a JSON array.");
    }
    if (!node.isArray()) {
      return new ParameterValue.Items(
          List.of(primitive(spec, spec.itemType(), node, spec.subject())));
    }
    List<String> texts = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String subject = "item " + i + " of " + spec.subject();
      texts.add(primitive(spec, spec.itemType(), node.get(i), subject));
    }
    return new ParameterValue.Items(List.copyOf(texts));
  }

  private static ParameterValue properties(ParameterSpec spec, JsonNode node)
      throws InvalidTaskInputException {
    if (!node.isObject()) {
      throw spec.invalid(
          spec.subject()
              + " must be an object; the value given is "
              + kind(node)
              + ", so send a JSON object.");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      if (property.getValue().isNull()) {
        continue;
      }
      String subject = "property '" + Names.quoted(property.getKey()) + "' of " + spec.subject();
      texts.put(property.getKey(), primitive(spec, "", property.getValue(), subject));
    }
    return new ParameterValue.Properties(texts);
  }

  /** Returns the text of a primitive node of the given type ("" accepts any primitive). */
  private static String primitive(ParameterSpec spec, String type, JsonNode node, String subject)
      throws InvalidTaskInputException {
    if (node.isContainerNode() || node.isNull()) {
      throw spec.invalid(
          subject + " must be " + expected(type) + "; the value given is " + kind(node) + ".");
    }
    String text = text(node);
    boolean fits =
        switch (type) {
          case "integer" ->
              node.isIntegralNumber() || (node.isTextual() && INTEGER.matcher(text).matches());
          case "number" -> node.isNumber() || (node.isTextual() && isDecimal(text));
          case "boolean" -> node.isBoolean() || text.equals("true") || text.equals("false");
          default -> true;
        };
    if (!fits && node.isTextual()) {
      throw spec.invalid(
          subject + " must be " + expected(type) + "; the string given does not parse as one.");
    }
    if (!fits) {
      throw spec.invalid(
          subject + " must be " + expected(type) + "; the value given is " + kind(node) + ".");
    }
    return text;
  }

  private static String text(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    return node.asText();
  }

  private static boolean isDecimal(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String expected(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "a boolean";
      case "string" -> "a string";
      default -> "a string, number or boolean";
    };
  }

  /** Describes the JSON kind of a node without its value, which may be a secret. */
  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isTextual() ? "a string" : "a " + node.getNodeType();
  }
}
