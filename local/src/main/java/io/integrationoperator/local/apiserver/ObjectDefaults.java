package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Server-side defaulting that the mock store lacks and that kubectl users notice. */
final class ObjectDefaults {

  private ObjectDefaults() {}

  /**
   * Applies defaults to an object that is about to be stored: a Secret's {@code stringData} is
   * merged into {@code data} (base64-encoded, replacing equal keys) and removed, and a Secret
   * without a type gets {@code Opaque}.
   */
  static JsonNode apply(ResourceType type, JsonNode object) {
    if (!type.group().isEmpty() || !type.kind().equals("Secret") || !object.isObject()) {
      return object;
    }
    ObjectNode secret = ((ObjectNode) object).deepCopy();
    JsonNode stringData = secret.remove("stringData");
    if (stringData != null && stringData.isObject()) {
      ObjectNode data = secret.with("data");
      stringData
          .fields()
          .forEachRemaining(
              entry ->
                  data.put(
                      entry.getKey(),
                      Base64.getEncoder()
                          .encodeToString(
                              entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    }
    if (!secret.hasNonNull("type") || secret.get("type").asText().isEmpty()) {
      secret.put("type", "Opaque");
    }
    return secret;
  }
}
