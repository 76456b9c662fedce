package io.integrationoperator.client.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationoperator.client.catalog.DocumentLoader;
import io.integrationoperator.client.catalog.InvalidDocumentException;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the real OpenAPI documents of the openapi directory under the shared.dir system property,
 * once per test run, and parses task inputs written as JSON.
 */
final class SharedOpenApi {
  private static final Map<String, TaskCatalog> CATALOGS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private SharedOpenApi() {}

  /** Returns the task of a shared document. */
  static Task task(String file, String taskName) {
    return catalog(file)
        .task(taskName)
        .orElseThrow(() -> new AssertionError("no task " + taskName + " in " + file));
  }

  /** Returns the catalog of a shared document. */
  static TaskCatalog catalog(String file) {
    return CATALOGS.computeIfAbsent(file, SharedOpenApi::load);
  }

  /** Returns a catalog of a document given as text. */
  static TaskCatalog parse(String text) {
    try {
      return DocumentLoader.load(text);
    } catch (InvalidDocumentException e) {
      throw new AssertionError("the test document is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code {"parameters": {...}, "body": ..., "headers": {...}}}; each member may be left
   * out.
   */
  static TaskInput input(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<String, JsonNode> parameters = new LinkedHashMap<>();
      root.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue()));
      Map<String, String> headers = new LinkedHashMap<>();
      root.path("headers")
          .properties()
          .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
      Optional<JsonNode> body = root.has("body") ? Optional.of(root.get("body")) : Optional.empty();
      return new TaskInput(parameters, body, headers);
    } catch (IOException e) {
      throw new UncheckedIOException("test input is not JSON: " + json, e);
    }
  }

  private static TaskCatalog load(String file) {
    Path path = sharedDir().resolve("openapi").resolve(file);
    try {
      return parse(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }

  private static Path sharedDir() {
    String configured = System.getProperty("shared.dir");
    return Path.of(configured != null ? configured : "../../shared");
  }
}
