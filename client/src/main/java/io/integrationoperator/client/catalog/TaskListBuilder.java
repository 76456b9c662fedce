package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds the task list: one task per operation, each with a unique name.
 *
 * <p>Order: path items in document order, and within a path item, methods in the order the document
 * writes them. A method that swagger-parser adds without it being written in the path item (for
 * example through a path item {@code $ref}) follows in the order get, put, post, delete, options,
 * head, patch, trace.
 *
 * <p>Names: an operation keeps its operationId unless the id is missing, blank, or already used by
 * an earlier operation. Those operations get a name from {@link TaskNames}, which never equals any
 * operationId of the document, and each such name is reported as a warning.
 */
final class TaskListBuilder {
  /** The HTTP methods an OpenAPI path item can contain, in the specification's order. */
  static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private TaskListBuilder() {}

  /**
   * Tasks, the lower-case methods they use and the warnings found while building them.
   *
   * @param tasks tasks in document order
   * @param methods lower-case HTTP methods
   * @param warnings derived names and parameters left out
   */
  record TaskList(List<Task> tasks, SortedSet<String> methods, List<String> warnings) {}

  /** One operation with where it sits. */
  private record Located(String path, String method, PathItem item, Operation operation) {
    String jsonPath() {
      return JsonPaths.operation(path, method);
    }

    String operationId() {
      String id = operation.getOperationId();
      return id == null || id.isBlank() ? null : id;
    }
  }

  /**
   * Builds the task list.
   *
   * @throws InvalidDocumentException when the document has no operation, or when swagger-parser
   *     could not read a path item or operation that the document declares
   */
  static TaskList build(JsonNode root, OpenAPI api, List<String> messages)
      throws InvalidDocumentException {
    requireEveryOperationParsed(root, api, messages);
    List<Located> operations = operationsInDocumentOrder(root, api);
    if (operations.isEmpty()) {
      throw new InvalidDocumentException(
          JsonPaths.member(JsonPaths.ROOT, "paths"),
          "The document declares no operations under paths; add at least one, because each"
              + " operation becomes a task.");
    }

    List<String> warnings = new ArrayList<>();
    List<String> names = assignNames(operations, warnings);
    TaskParameters parameters = new TaskParameters(api.getComponents(), warnings);
    List<Task> tasks = new ArrayList<>(operations.size());
    SortedSet<String> methods = new TreeSet<>();
    for (int i = 0; i < operations.size(); i++) {
      Located located = operations.get(i);
      TaskParameters.Merged merged =
          parameters.of(located.item(), located.operation(), located.jsonPath());
      tasks.add(
          new Task(
              names.get(i),
              located.method().toUpperCase(Locale.ROOT),
              located.path(),
              merged.parameters(),
              located.operation(),
              merged.definitions()));
      methods.add(located.method());
    }
    return new TaskList(
        List.copyOf(tasks), Collections.unmodifiableSortedSet(methods), List.copyOf(warnings));
  }

  /** Compares the document's path items and operations with swagger-parser's model. */
  private static void requireEveryOperationParsed(JsonNode root, OpenAPI api, List<String> messages)
      throws InvalidDocumentException {
    JsonNode paths = root.get("paths");
    if (paths == null || paths.isNull()) {
      return;
    }
    if (!paths.isObject()) {
      throw new InvalidDocumentException(
          JsonPaths.member(JsonPaths.ROOT, "paths"),
          "The paths member is "
              + SpecVersion.article(paths)
              + " rather than an object; write it as a map from path templates to path items.");
    }
    for (Map.Entry<String, JsonNode> entry : paths.properties()) {
      String path = entry.getKey();
      JsonNode declared = entry.getValue();
      if (!declared.isObject()) {
        throw unreadable(JsonPaths.pathItem(path), "path item", declared, root, messages);
      }
      PathItem parsed = api.getPaths() == null ? null : api.getPaths().get(path);
      for (String method : METHODS) {
        if (declared.has(method) && operation(parsed, method) == null) {
          String jsonPath = JsonPaths.operation(path, method);
          throw unreadable(jsonPath, "operation", declared.get(method), root, messages);
        }
      }
    }
  }

  private static InvalidDocumentException unreadable(
      String jsonPath, String kind, JsonNode declared, JsonNode root, List<String> messages) {
    if (!declared.isObject()) {
      return new InvalidDocumentException(
          jsonPath,
          "The "
              + kind
              + " is "
              + SpecVersion.article(declared)
              + " rather than an object; write it as an OpenAPI "
              + kind
              + " object.");
    }
    String reason = ParserMessages.about(root, messages, jsonPath).orElse("no reason given");
    return new InvalidDocumentException(
        jsonPath,
        "swagger-parser could not read the "
            + kind
            + " ("
            + reason
            + "); correct it so that it can become a task.");
  }

  private static List<Located> operationsInDocumentOrder(JsonNode root, OpenAPI api) {
    List<Located> operations = new ArrayList<>();
    if (api.getPaths() == null) {
      return operations;
    }
    JsonNode declaredPaths = root.path("paths");
    for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
      PathItem item = entry.getValue();
      if (item == null) {
        continue;
      }
      for (String method : methodOrder(declaredPaths.path(entry.getKey()))) {
        Operation operation = operation(item, method);
        if (operation != null) {
          operations.add(new Located(entry.getKey(), method, item, operation));
        }
      }
    }
    return operations;
  }

  /** Methods in the order the path item writes them, then the remaining ones. */
  private static List<String> methodOrder(JsonNode declaredItem) {
    List<String> order = new ArrayList<>(METHODS.size());
    Iterator<String> names = declaredItem.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (METHODS.contains(name)) {
        order.add(name);
      }
    }
    for (String method : METHODS) {
      if (!order.contains(method)) {
        order.add(method);
      }
    }
    return order;
  }

  private static Operation operation(PathItem item, String method) {
    if (item == null) {
      return null;
    }
    return switch (method) {
      case "get" -> item.getGet();
      case "put" -> item.getPut();
      case "post" -> item.getPost();
      case "delete" -> item.getDelete();
      case "options" -> item.getOptions();
      case "head" -> item.getHead();
      case "patch" -> item.getPatch();
      case "trace" -> item.getTrace();
      default -> null;
    };
  }

  private static List<String> assignNames(List<Located> operations, List<String> warnings) {
    Map<String, Integer> firstUser = new HashMap<>();
    for (int i = 0; i < operations.size(); i++) {
      String id = operations.get(i).operationId();
      if (id != null) {
        firstUser.putIfAbsent(id, i);
      }
    }

    Set<String> taken = new HashSet<>(firstUser.keySet());
    Map<String, Integer> nextSuffix = new HashMap<>();
    List<String> names = new ArrayList<>(operations.size());
    for (int i = 0; i < operations.size(); i++) {
      Located located = operations.get(i);
      String id = located.operationId();
      if (id != null && firstUser.get(id) == i) {
        names.add(id);
        continue;
      }
      String derived = TaskNames.derive(located.method(), located.path());
      String name = TaskNames.unique(derived, taken, nextSuffix);
      taken.add(name);
      names.add(name);
      warnings.add(
          id == null
              ? missingIdWarning(located, name)
              : repeatedIdWarning(located, name, operations.get(firstUser.get(id))));
    }
    return names;
  }

  private static String missingIdWarning(Located located, String name) {
    return located.jsonPath()
        + ": the operation has no operationId, so its task is named "
        + name
        + ".";
  }

  private static String repeatedIdWarning(Located located, String name, Located firstUser) {
    return JsonPaths.member(located.jsonPath(), "operationId")
        + ": operationId "
        + located.operationId()
        + " is already used by "
        + firstUser.method().toUpperCase(Locale.ROOT)
        + " "
        + firstUser.path()
        + ", so this operation's task is named "
        + name
        + ".";
  }
}
