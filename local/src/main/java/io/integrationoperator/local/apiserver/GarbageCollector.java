package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes objects whose owners are all gone, as the Kubernetes garbage collector does with
 * background propagation: deleting an Integration deletes the Roles and Secrets it owns.
 *
 * <p>NOTE: foreground deletion and {@code blockOwnerDeletion} are not modelled; dependents are
 * always deleted after their owner.
 */
final class GarbageCollector {

  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);
  private static final int MAX_ROUNDS = 10;

  private final KubernetesCrudDispatcher store;
  private final ObjectMapper mapper;

  GarbageCollector(KubernetesCrudDispatcher store, ObjectMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  /** Deletes orphaned dependents, repeating until a round finds none (owner chains). */
  void collect(ResourceCatalog catalog) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<JsonNode> objects = snapshot();
      Set<String> uids = new HashSet<>();
      objects.forEach(object -> uids.add(object.path("metadata").path("uid").asText()));
      boolean deleted = false;
      for (JsonNode object : objects) {
        if (isOrphan(object, uids)) {
          deleted |= delete(object, catalog, "its owners are gone");
        }
      }
      if (!deleted) {
        return;
      }
    }
  }

  /**
   * Deletes every stored object in a namespace, as the namespace controller does after the
   * namespace is deleted. Objects of kinds that local mode does not serve stay.
   */
  void deleteNamespaceContents(String namespace, ResourceCatalog catalog) {
    for (JsonNode object : snapshot()) {
      if (namespace.equals(object.path("metadata").path("namespace").asText(null))) {
        delete(object, catalog, "its namespace was deleted");
      }
    }
  }

  private List<JsonNode> snapshot() {
    List<String> bodies;
    synchronized (store.getMap()) {
      bodies = new ArrayList<>(store.getMap().values());
    }
    List<JsonNode> objects = new ArrayList<>();
    for (String body : bodies) {
      try {
        objects.add(mapper.readTree(body));
      } catch (JsonProcessingException e) {
        LOG.debug("Skipping a stored object that is not JSON", e);
      }
    }
    return objects;
  }

  private static boolean isOrphan(JsonNode object, Set<String> uids) {
    JsonNode owners = object.path("metadata").path("ownerReferences");
    if (!owners.isArray() || owners.isEmpty() || object.path("metadata").has("deletionTimestamp")) {
      return false;
    }
    for (JsonNode owner : owners) {
      if (uids.contains(owner.path("uid").asText())) {
        return false;
      }
    }
    return true;
  }

  private boolean delete(JsonNode object, ResourceCatalog catalog, String reason) {
    JsonNode metadata = object.path("metadata");
    Optional<ResourceType> type =
        catalog.findByKind(object.path("apiVersion").asText(), object.path("kind").asText());
    if (type.isEmpty()) {
      return false;
    }
    String root =
        type.get().group().isEmpty()
            ? "/api/" + type.get().version()
            : "/apis/" + type.get().apiVersion();
    String namespace =
        metadata.hasNonNull("namespace") ? "/namespaces/" + metadata.get("namespace").asText() : "";
    String path =
        root + namespace + "/" + type.get().plural() + "/" + metadata.path("name").asText();
    int code = store.handleDelete(path).code();
    LOG.info(
        "Garbage collector deleted {} {}/{} because {}",
        object.path("kind").asText(),
        metadata.path("namespace").asText(""),
        metadata.path("name").asText(),
        reason);
    return code == 200;
  }
}
