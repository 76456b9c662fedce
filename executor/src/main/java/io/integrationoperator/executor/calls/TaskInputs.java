package io.integrationoperator.executor.calls;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.client.envelope.EchoedValue;
import io.integrationoperator.client.request.TaskInput;
import io.integrationoperator.executor.server.ApiError;
import io.integrationoperator.executor.server.JsonResponses;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the body of a task call, {@code {"parameters": {...}, "body": ..., "headers": {...}}},
 * into a {@link TaskInput}. Every field is optional and an empty body means no input.
 */
final class TaskInputs {
  private static final Set<String> FIELDS = Set.of("parameters", "body", "headers");

  private TaskInputs() {}

  /**
   * Parses the request body.
   *
   * @throws ApiError 400 when it is not JSON, not an object, or has unknown or mistyped fields
   */
  static TaskInput parse(byte[] body) throws ApiError {
    if (body.length == 0) {
      return new TaskInput(Map.of(), Optional.empty(), Map.of());
    }
    JsonNode root = readTree(body);
    if (!root.isObject()) {
      throw invalid("The request body must be a JSON object with parameters, body and headers.");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw invalid(
            "The request body has an unknown field "
                + EchoedValue.of(name)
                + "; the fields are parameters, body and headers.");
      }
    }
    JsonNode task = root.get("body");
    return new TaskInput(
        parameters(root.get("parameters")),
        task == null || task.isNull() ? Optional.empty() : Optional.of(task),
        headers(root.get("headers")));
  }

  private static JsonNode readTree(byte[] body) throws ApiError {
    try {
      // A repeated key would otherwise keep its last value without a word.
      JsonNode root =
          JsonResponses.JSON
              .reader()
              .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .readTree(body);
      if (root == null || root.isMissingNode()) {
        return JsonResponses.JSON.createObjectNode();
      }
      return root;
    } catch (JacksonException e) {
      JsonLocation location = e.getLocation();
      throw new ApiError(
          400,
          "InvalidJson",
          "The request body is not valid JSON"
              + (location == null
                  ? ""
                  : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
              + ": "
              + e.getOriginalMessage()
              + ".");
    } catch (java.io.IOException e) {
      throw invalid("The request body cannot be read: " + e.getMessage() + ".");
    }
  }

  private static Map<String, JsonNode> parameters(JsonNode node) throws ApiError {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid("The field parameters must be a JSON object of parameter names and values.");
    }
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue()));
    return parameters;
  }

  private static Map<String, String> headers(JsonNode node) throws ApiError {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid("The field headers must be a JSON object of header names and string values.");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw invalid(
            "The value of header " + EchoedValue.of(field.getKey()) + " must be a string.");
      }
      headers.put(field.getKey(), field.getValue().asText());
    }
    return headers;
  }

  private static ApiError invalid(String error) {
    return new ApiError(400, "InvalidRequestBody", error);
  }
}
