package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps {@code status} and the rest of an object apart, as the Kubernetes API does for types with a
 * {@code status} subresource: writes to the object itself leave the stored status unchanged, and
 * writes to {@code /status} change only the status. The fabric8 CRUD store does part of this, but
 * it stores {@code "status": null} when a patch of the object meets a stored object without a
 * status, so the router applies these rules before it hands an object to the store.
 */
final class StatusSubresource {

  static final String STATUS = "status";

  private StatusSubresource() {}

  /**
   * Returns the object to create: without {@code status} when the type has a status subresource,
   * and never with a null status.
   */
  static JsonNode forCreate(ResourceType type, JsonNode object) {
    if (!object.isObject()) {
      return object;
    }
    ObjectNode created = ((ObjectNode) object).deepCopy();
    if (type.statusSubresource() || created.path(STATUS).isNull()) {
      created.remove(STATUS);
    }
    return created;
  }

  /**
   * Returns the object to store after an update or patch.
   *
   * @param subresource the subresource of the request, or null for the object itself
   * @param current the stored object
   * @param updated the object that the request body or patch produced
   */
  static JsonNode forUpdate(
      ResourceType type, String subresource, JsonNode current, JsonNode updated) {
    if (!updated.isObject() || !current.isObject()) {
      return updated;
    }
    if (STATUS.equals(subresource)) {
      return statusOnly((ObjectNode) current, (ObjectNode) updated);
    }
    ObjectNode result = ((ObjectNode) updated).deepCopy();
    if (type.statusSubresource()) {
      copyStatus(current, result);
    } else if (result.path(STATUS).isNull()) {
      result.remove(STATUS);
    }
    return result;
  }

  /** Takes everything from the stored object except the status; the store sets resourceVersion. */
  private static JsonNode statusOnly(ObjectNode current, ObjectNode updated) {
    ObjectNode result = current.deepCopy();
    copyStatus(updated, result);
    return result;
  }

  private static void copyStatus(JsonNode from, ObjectNode to) {
    JsonNode status = from.get(STATUS);
    if (status == null || status.isNull() || status.isMissingNode()) {
      to.remove(STATUS);
    } else {
      to.set(STATUS, status.deepCopy());
    }
  }
}
