package io.integrationoperator.client.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What a caller passes to a task.
 *
 * @param parameters values by OpenAPI parameter name
 * @param body the request body, sent as JSON
 * @param headers extra request headers
 */
// TODO: replaced by the full request builder
public record TaskInput(
    Map<String, JsonNode> parameters, Optional<JsonNode> body, Map<String, String> headers) {

  public TaskInput {
    parameters = Map.copyOf(parameters);
    headers = Map.copyOf(headers);
  }
}
