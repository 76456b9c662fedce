package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a path item's parameters with its operation's and describes them as task parameters.
 *
 * <p>Order: the path-level parameters that the operation does not declare again with the same name
 * and location, then the operation's parameters, each in document order. swagger-parser's OpenAPI
 * 3.0 resolver already moves path-level parameters into the operations in this order. Its 3.1 and
 * Swagger 2.0 models keep them on the path item, and this merge gives the same result for them.
 * Parameters that swagger-parser left as a {@code $ref} are looked up in components.parameters.
 */
final class TaskParameters {
  private static final String PARAMETERS_PREFIX = "#/components/parameters/";
  private static final String SCHEMAS_PREFIX = "#/components/schemas/";

  /** Maximum number of references followed in a chain, so that a reference cycle ends. */
  private static final int MAX_REFERENCE_HOPS = 16;

  /**
   * Maximum number of parameters in one parameters list of a path item or operation. swagger-parser
   * 2.1's 3.0 resolver compares every path-level parameter with every operation parameter. With
   * 50,000 of each, one load took 50 to 175 seconds on a 2-core machine. Real APIs declare far
   * fewer than 500.
   */
  static final int MAX_PARAMETERS = 500;

  private final Components components;
  private final List<String> warnings;

  /**
   * @param components the document's components, or null
   * @param warnings receives one warning per parameter that cannot be described
   */
  TaskParameters(Components components, List<String> warnings) {
    this.components = components;
    this.warnings = warnings;
  }

  /**
   * Rejects a path item or operation of the tree whose parameters list is longer than {@link
   * #MAX_PARAMETERS}, before swagger-parser reads the tree.
   */
  static void checkCounts(JsonNode root) throws InvalidDocumentException {
    for (Map.Entry<String, JsonNode> pathItem : root.path("paths").properties()) {
      String itemPath = JsonPaths.pathItem(pathItem.getKey());
      checkCount(pathItem.getValue(), itemPath, "path item");
      for (String method : TaskListBuilder.METHODS) {
        JsonNode operation = pathItem.getValue().path(method);
        checkCount(operation, JsonPaths.member(itemPath, method), "operation");
      }
    }
  }

  private static void checkCount(JsonNode owner, String ownerPath, String kind)
      throws InvalidDocumentException {
    JsonNode parameters = owner.path("parameters");
    if (parameters.isArray() && parameters.size() > MAX_PARAMETERS) {
      throw new InvalidDocumentException(
          JsonPaths.member(ownerPath, "parameters"),
          "The "
              + kind
              + " declares "
              + parameters.size()
              + " parameters, more than the maximum of "
              + MAX_PARAMETERS
              + "; remove the ones the API does not use.");
    }
  }

  /**
   * Merged parameters of one operation: their descriptions and the parameter objects behind them,
   * in the same order.
   */
  record Merged(List<TaskParameter> parameters, List<Parameter> definitions) {}

  /** Returns the merged parameters of one operation; operationPath is used in warnings. */
  Merged of(PathItem item, Operation operation, String operationPath) {
    List<Parameter> own = usable(operation.getParameters(), operationPath);
    Set<List<String>> ownKeys = new HashSet<>();
    for (Parameter parameter : own) {
      ownKeys.add(key(parameter));
    }
    List<Parameter> merged = new ArrayList<>();
    for (Parameter shared : usable(item.getParameters(), operationPath)) {
      if (!ownKeys.contains(key(shared))) {
        merged.add(shared);
      }
    }
    merged.addAll(own);
    return new Merged(merged.stream().map(this::describe).toList(), List.copyOf(merged));
  }

  private List<Parameter> usable(List<Parameter> declared, String operationPath) {
    List<Parameter> usable = new ArrayList<>();
    for (Parameter parameter : declared == null ? List.<Parameter>of() : declared) {
      Parameter resolved = usable(parameter, operationPath);
      if (resolved != null) {
        usable.add(resolved);
      }
    }
    return usable;
  }

  /** Identity of a parameter within an operation: its name and location. */
  private static List<String> key(Parameter parameter) {
    return List.of(parameter.getName(), parameter.getIn());
  }

  /** Resolves a parameter; returns null, after a warning, when it has no name or location. */
  private Parameter usable(Parameter declared, String operationPath) {
    Parameter parameter = declared;
    for (int hop = 0; hop < MAX_REFERENCE_HOPS && parameter != null; hop++) {
      if (parameter.get$ref() == null) {
        break;
      }
      Map<String, Parameter> known = components == null ? null : components.getParameters();
      parameter = lookUp(known, parameter.get$ref(), PARAMETERS_PREFIX);
    }
    if (parameter == null || parameter.get$ref() != null) {
      warnings.add(
          operationPath
              + ": the parameter reference "
              + declared.get$ref()
              + " could not be resolved, so the task does not list it.");
      return null;
    }
    if (parameter.getName() == null || parameter.getIn() == null) {
      warnings.add(
          operationPath + ": a parameter without name or in is ignored; give each parameter both.");
      return null;
    }
    return parameter;
  }

  private TaskParameter describe(Parameter parameter) {
    boolean required =
        Boolean.TRUE.equals(parameter.getRequired()) || "path".equals(parameter.getIn());
    return new TaskParameter(parameter.getName(), parameter.getIn(), required, type(parameter));
  }

  /** Type of the parameter's schema, or of the schema of its first content entry. */
  private String type(Parameter parameter) {
    Schema<?> schema = parameter.getSchema();
    Content content = parameter.getContent();
    if (schema == null && content != null && !content.isEmpty()) {
      MediaType first = content.values().iterator().next();
      schema = first == null ? null : first.getSchema();
    }
    return SchemaTypes.primaryType(resolveSchema(schema));
  }

  private Schema<?> resolveSchema(Schema<?> schema) {
    Schema<?> current = schema;
    for (int hop = 0; hop < MAX_REFERENCE_HOPS && current != null; hop++) {
      if (current.get$ref() == null || current.getType() != null || current.getTypes() != null) {
        return current;
      }
      Map<String, Schema> known = components == null ? null : components.getSchemas();
      current = lookUp(known, current.get$ref(), SCHEMAS_PREFIX);
    }
    return current;
  }

  private static <T> T lookUp(Map<String, T> known, String reference, String prefix) {
    if (known == null || reference == null || !reference.startsWith(prefix)) {
      return null;
    }
    String encoded = ReferenceChecker.percentDecode(reference.substring(prefix.length()));
    return known.get(encoded.replace("~1", "/").replace("~0", "~"));
  }
}
