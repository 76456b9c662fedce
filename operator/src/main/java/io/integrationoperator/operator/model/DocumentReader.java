package io.integrationoperator.operator.model;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.catalog.ModelDocumentText;
import io.integrationoperator.client.catalog.ModelDocuments;

/**
 * Reads a model's document with {@link ModelDocuments}, fetching a ConfigMap that spec.documentFrom
 * names with a direct GET, because the ConfigMap informer stores metadata only.
 */
public final class DocumentReader {
  private final KubernetesClient client;

  public DocumentReader(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Reads the document text.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException on API errors other than "not
   *     found"
   */
  public DocumentText read(IntegrationModel model) {
    String namespace = model.getMetadata().getNamespace();
    ModelDocumentText read =
        ModelDocuments.read(
            model, name -> client.configMaps().inNamespace(namespace).withName(name).get());
    return read.text().isPresent()
        ? DocumentText.of(read.text().get())
        : DocumentText.failed(read.reason().orElseThrow(), read.message().orElseThrow());
  }
}
