package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts objects and lists into the {@code meta.k8s.io/v1} Table form that {@code kubectl get}
 * requests with {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}. Custom resources get
 * the CRD's {@code additionalPrinterColumns}; built-in kinds get the columns a real API server
 * prints for them.
 */
public final class TableConverter {

  private static final String NAME_DESCRIPTION =
      "Name must be unique within a namespace. Cannot be updated.";

  private final ObjectMapper mapper;

  public TableConverter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Converts a single object or a list (an object with {@code items}) into a Table.
   *
   * @param includeObject the {@code includeObject} query parameter: {@code None}, {@code Object}
   *     or, by default, {@code Metadata}
   * @param now the time that ages are computed against
   */
  public ObjectNode convert(ResourceType type, JsonNode body, String includeObject, Instant now) {
    ObjectNode table = mapper.createObjectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    JsonNode resourceVersion = body.path("metadata").path("resourceVersion");
    if (body.has("items") && resourceVersion.isTextual()) {
      metadata.put("resourceVersion", resourceVersion.asText());
    }
    ArrayNode columns = table.putArray("columnDefinitions");
    boolean nameFirst = hasNoNameColumn(type);
    if (nameFirst) {
      columns.add(columnDefinition("Name", "string", "name", NAME_DESCRIPTION, 0));
    }
    for (PrinterColumn column : type.printerColumns()) {
      columns.add(
          columnDefinition(
              column.name(),
              column.type(),
              column.format(),
              column.description(),
              column.priority()));
    }
    ArrayNode rows = table.putArray("rows");
    List<JsonNode> objects = body.has("items") ? listItems(body) : List.of(body);
    for (JsonNode object : objects) {
      rows.add(row(type, object, includeObject, now, nameFirst));
    }
    return table;
  }

  private static List<JsonNode> listItems(JsonNode list) {
    List<JsonNode> items = new ArrayList<>();
    list.path("items").forEach(items::add);
    return items;
  }

  private ObjectNode columnDefinition(
      String name, String type, String format, String description, int priority) {
    ObjectNode column = mapper.createObjectNode();
    column.put("name", name);
    column.put("type", type);
    column.put("format", format);
    column.put("description", description);
    column.put("priority", priority);
    return column;
  }

  /** Returns true unless the type places its own name column (format {@code name}). */
  private static boolean hasNoNameColumn(ResourceType type) {
    return type.printerColumns().stream().noneMatch(column -> column.format().equals("name"));
  }

  private ObjectNode row(
      ResourceType type, JsonNode object, String includeObject, Instant now, boolean nameFirst) {
    ObjectNode row = mapper.createObjectNode();
    ArrayNode cells = row.putArray("cells");
    if (nameFirst) {
      cells.add(object.path("metadata").path("name").asText());
    }
    for (PrinterColumn column : type.printerColumns()) {
      cells.add(mapper.valueToTree(column.cell().value(object, now)));
    }
    if ("Object".equals(includeObject)) {
      row.set("object", object);
    } else if (!"None".equals(includeObject)) {
      ObjectNode partial = row.putObject("object");
      partial.put("kind", "PartialObjectMetadata");
      partial.put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", object.path("metadata"));
    }
    return row;
  }
}
