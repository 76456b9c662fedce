package io.integrationoperator.client.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Inputs of one task call, as the executor's POST body carries them: {@code {"parameters": {...},
 * "body": ..., "headers": {...}}}. Null components become empty ones.
 *
 * <p>{@link #toString()} lists only parameter and header names, because values can be passwords or
 * API keys (the Swagger petstore's loginUser takes a password as a query parameter).
 *
 * @param parameters parameter values by OpenAPI parameter name; JSON null counts as not given
 * @param body the request body, if any; JSON null counts as not given
 * @param headers extra request headers by name
 */
public record TaskInput(
    Map<String, JsonNode> parameters, Optional<JsonNode> body, Map<String, String> headers) {

  public TaskInput {
    parameters = parameters == null ? Map.of() : parameters;
    body = body == null ? Optional.empty() : body;
    headers = headers == null ? Map.of() : headers;
  }

  /** Returns an input with only these parameters. */
  public static TaskInput ofParameters(Map<String, JsonNode> parameters) {
    return new TaskInput(parameters, Optional.empty(), Map.of());
  }

  @Override
  public String toString() {
    return "TaskInput[parameters="
        + new TreeSet<>(parameters.keySet())
        + ", body="
        + (body.isPresent() ? "present" : "absent")
        + ", headers="
        + new TreeSet<>(headers.keySet())
        + "]";
  }
}
