package io.integrationoperator.operator.credentials;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.operator.GeneratedObjects;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the projected Secret {@code <integration>-credentials}: exactly the credential values the
 * Integration uses, under the client's normalised key names, so the executor never reads users'
 * Secrets.
 *
 * <p>A direct GET reads the current Secret, because the Secret informer stores metadata only; the
 * Secret is written only when its data, type, labels or owner reference differ from the desired
 * ones. Plain create and JSON Patch calls are used in place of a JOSDK dependent resource, whose
 * informer would cache every projected Secret with its data.
 */
public final class ProjectedSecret {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectedSecret.class);
  private static final String TYPE = "Opaque";

  private final KubernetesClient client;

  public ProjectedSecret(KubernetesClient client) {
    this.client = client;
  }

  /** Builds the desired Secret. */
  public static Secret desired(Integration integration, ResolvedCredentials credentials) {
    String name = GeneratedObjects.credentialsSecretName(integration.getMetadata().getName());
    return new SecretBuilder()
        .withMetadata(GeneratedObjects.metadata(integration, name))
        .withType(TYPE)
        .withData(new HashMap<>(credentials.base64Data()))
        .build();
  }

  /**
   * Creates or corrects the projected Secret.
   *
   * @return true when the Secret was written
   * @throws KubernetesClientException when the API server rejects a call
   */
  public boolean update(Integration integration, ResolvedCredentials credentials) {
    Secret desired = desired(integration, credentials);
    Resource<Secret> resource = secret(desired);
    Secret current = resource.get();
    if (current == null) {
      try {
        client.secrets().inNamespace(namespace(desired)).resource(desired).create();
        LOG.info("Created Secret {} with keys {}", name(desired), desired.getData().keySet());
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        current = resource.get();
      }
    }
    if (current != null && matches(current, desired, integration)) {
      return false;
    }
    resource.edit(secret -> correct(secret, desired));
    LOG.info("Updated Secret {} with keys {}", name(desired), desired.getData().keySet());
    return true;
  }

  /**
   * Deletes the projected Secret of the Integration, so that credentials removed at their source
   * stop reaching the executor. A Secret of that name that the operator did not generate is kept.
   *
   * @return true when a Secret was deleted
   * @throws KubernetesClientException when the API server rejects a call
   */
  public boolean delete(Integration integration) {
    Resource<Secret> resource =
        client
            .secrets()
            .inNamespace(integration.getMetadata().getNamespace())
            .withName(GeneratedObjects.credentialsSecretName(integration.getMetadata().getName()));
    Secret current = resource.get();
    if (current == null || !GeneratedObjects.hasMetadataOf(current, integration)) {
      return false;
    }
    resource.delete();
    LOG.info("Deleted Secret {} because its credentials no longer resolve", name(current));
    return true;
  }

  static boolean matches(Secret actual, Secret desired, Integration integration) {
    Map<String, String> data = actual.getData() == null ? Map.of() : actual.getData();
    // The fabric8 7.x model deserializes an absent stringData as an empty map, not as null.
    Map<String, String> stringData = actual.getStringData();
    return data.equals(desired.getData())
        && Objects.equals(actual.getType(), desired.getType())
        && (stringData == null || stringData.isEmpty())
        && GeneratedObjects.hasMetadataOf(actual, integration);
  }

  private static Secret correct(Secret current, Secret desired) {
    current.setData(desired.getData());
    current.setStringData(null);
    current.setType(desired.getType());
    current.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
    Map<String, String> labels =
        current.getMetadata().getLabels() == null
            ? new HashMap<>()
            : new HashMap<>(current.getMetadata().getLabels());
    labels.putAll(desired.getMetadata().getLabels());
    current.getMetadata().setLabels(labels);
    return current;
  }

  private Resource<Secret> secret(Secret secret) {
    return client.secrets().inNamespace(namespace(secret)).withName(name(secret));
  }

  private static String namespace(Secret secret) {
    return secret.getMetadata().getNamespace();
  }

  private static String name(Secret secret) {
    return secret.getMetadata().getName();
  }
}
