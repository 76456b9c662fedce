package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link ResourceType}s from stored CustomResourceDefinition objects. */
final class CustomResourceTypes {

  private CustomResourceTypes() {}

  /** Returns one type per served version of the CRD. */
  static List<ResourceType> fromDefinition(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      types.add(
          new ResourceType(
              spec.path("group").asText(),
              version.path("name").asText(),
              names.path("kind").asText(),
              names.path("plural").asText(),
              names.path("singular").asText(names.path("kind").asText().toLowerCase()),
              !"Cluster".equals(spec.path("scope").asText()),
              strings(names.path("shortNames")),
              strings(names.path("categories")),
              version.path("subresources").has("status"),
              printerColumns(version.path("additionalPrinterColumns")),
              version.path("schema").path("openAPIV3Schema")));
    }
    return types;
  }

  /**
   * Converts {@code additionalPrinterColumns}; a CRD without them gets an Age column, as on a real
   * API server.
   */
  static List<PrinterColumn> printerColumns(JsonNode columns) {
    if (!columns.isArray() || columns.isEmpty()) {
      return List.of(BuiltInResourceTypes.AGE);
    }
    List<PrinterColumn> result = new ArrayList<>();
    for (JsonNode column : columns) {
      String type = column.path("type").asText("string");
      JsonPathExpression path = JsonPathExpression.parse(column.path("jsonPath").asText());
      result.add(
          new PrinterColumn(
              column.path("name").asText(),
              type,
              column.path("format").asText(""),
              column.path("description").asText(""),
              column.path("priority").asInt(0),
              (object, now) -> cell(type, path.first(object), now)));
    }
    return List.copyOf(result);
  }

  /**
   * Converts the first value a column's JSONPath selects into a cell. A value that does not fit the
   * column type gives an empty cell, as on a real API server.
   */
  static Object cell(String type, JsonNode value, Instant now) {
    if (value == null || value.isNull()) {
      return null;
    }
    switch (type) {
      case "date":
        Instant time = BuiltInResourceTypes.parseTime(value.asText());
        return time == null ? null : HumanDuration.format(Duration.between(time, now));
      case "integer":
        return value.canConvertToLong() && value.isIntegralNumber() ? value.asLong() : null;
      case "number":
        return value.isNumber() ? value.asDouble() : null;
      case "boolean":
        return value.isBoolean() ? value.asBoolean() : null;
      default:
        return value.isValueNode() ? value.asText() : value.toString();
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }
}
