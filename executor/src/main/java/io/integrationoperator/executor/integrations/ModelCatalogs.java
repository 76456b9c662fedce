package io.integrationoperator.executor.integrations;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.catalog.CatalogCache;
import io.integrationoperator.client.catalog.InvalidDocumentException;
import io.integrationoperator.client.catalog.ModelDocumentText;
import io.integrationoperator.client.catalog.ModelDocuments;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.executor.server.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task catalogs of IntegrationModels. A document in spec.document is read again when the model's
 * resourceVersion changes. A document in a ConfigMap is read with a direct GET, because the
 * executor keeps no ConfigMap informer, and read again after {@link #CONFIG_MAP_REFRESH} or when
 * the model changes. Parsed catalogs are shared through a {@link CatalogCache} keyed by text.
 */
final class ModelCatalogs {
  /** Time after which a document taken from a ConfigMap is read again. */
  static final Duration CONFIG_MAP_REFRESH = Duration.ofSeconds(30);

  /** Parsed documents kept; each can take tens of MB of heap when the document is large. */
  private static final int CACHED_CATALOGS = 16;

  /** Document texts kept, by model; a text can have up to 8 Mi characters. */
  private static final int CACHED_TEXTS = 32;

  private final KubernetesClient client;
  private final Clock clock;
  private final CatalogCache catalogs = new CatalogCache(CACHED_CATALOGS);
  private final Map<String, Read> reads = new LinkedHashMap<>(16, 0.75f, true);

  private record Read(String resourceVersion, Instant readAt, String text) {}

  ModelCatalogs(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Returns the catalog of the model's document.
   *
   * @throws ApiError 409 when the document cannot be read or parsed
   */
  TaskCatalog catalog(IntegrationModel model) throws ApiError {
    String text = text(model);
    try {
      return catalogs.load(text);
    } catch (InvalidDocumentException e) {
      throw new ApiError(
          409,
          "ModelInvalid",
          "The document of IntegrationModel " + name(model) + " is invalid: " + e.getMessage());
    }
  }

  private String text(IntegrationModel model) throws ApiError {
    String uid = model.getMetadata().getUid() == null ? name(model) : model.getMetadata().getUid();
    String version = model.getMetadata().getResourceVersion();
    boolean fromConfigMap = model.getSpec() != null && model.getSpec().getDocumentFrom() != null;
    Read cached;
    synchronized (reads) {
      cached = reads.get(uid);
    }
    Instant now = clock.instant();
    boolean fresh =
        cached != null
            && cached.resourceVersion().equals(String.valueOf(version))
            && (!fromConfigMap || now.isBefore(cached.readAt().plus(CONFIG_MAP_REFRESH)));
    if (fresh) {
      return cached.text();
    }
    String text = read(model);
    synchronized (reads) {
      reads.put(uid, new Read(String.valueOf(version), now, text));
      if (reads.size() > CACHED_TEXTS) {
        reads.remove(reads.keySet().iterator().next());
      }
    }
    return text;
  }

  private String read(IntegrationModel model) throws ApiError {
    String namespace = model.getMetadata().getNamespace();
    ModelDocumentText document;
    try {
      document =
          ModelDocuments.read(
              model, name -> client.configMaps().inNamespace(namespace).withName(name).get());
    } catch (KubernetesClientException e) {
      throw new ApiError(
          503,
          "ModelUnavailable",
          "Reading the ConfigMap of IntegrationModel "
              + name(model)
              + " failed with HTTP status "
              + e.getCode()
              + "; check that the executor may get ConfigMaps in namespace "
              + namespace
              + ".");
    }
    if (document.text().isEmpty()) {
      throw new ApiError(
          409,
          document.reason().orElse("ModelInvalid"),
          "The document of IntegrationModel "
              + name(model)
              + " cannot be read: "
              + document.message().orElse(""));
    }
    return document.text().get();
  }

  private static String name(IntegrationModel model) {
    return model.getMetadata().getNamespace() + "/" + model.getMetadata().getName();
  }
}
