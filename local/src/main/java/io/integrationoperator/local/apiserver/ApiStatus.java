package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;

/** Builds {@code Status} error responses in the form the Kubernetes API returns them. */
final class ApiStatus {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiStatus() {}

  static MockResponse failure(int code, String reason, String message) {
    return failure(code, reason, message, null, null, null);
  }

  static MockResponse failure(
      int code, String reason, String message, String name, String group, String plural) {
    return failure(code, reason, message, name, group, plural, List.of());
  }

  /**
   * Builds a failure whose details list causes; each cause is {@code <field path>: <message>},
   * which kubectl prints under the message of a 422 Invalid response.
   */
  static MockResponse failure(
      int code,
      String reason,
      String message,
      String name,
      String group,
      String plural,
      List<String> causes) {
    ObjectNode status = MAPPER.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason);
    if (name != null) {
      ObjectNode details = status.putObject("details");
      details.put("name", name);
      details.put("group", group);
      details.put("kind", plural);
      ArrayNode causeArray = details.putArray("causes");
      for (String cause : causes) {
        int separator = cause.indexOf(": ");
        ObjectNode node = causeArray.addObject();
        node.put("reason", "FieldValueInvalid");
        node.put("message", separator < 0 ? cause : cause.substring(separator + 2));
        node.put("field", separator < 0 ? "" : cause.substring(0, separator));
      }
    }
    status.put("code", code);
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(status.toString());
  }

  static MockResponse notFound(ApiRequest request, ResourceType type) {
    return failure(
        404,
        "NotFound",
        type.qualifiedPlural() + " \"" + request.name() + "\" not found",
        request.name(),
        type.group(),
        type.plural());
  }
}
