package io.integrationoperator.operator.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelSpec;
import io.integrationoperator.client.catalog.DocumentLoader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a model's document from spec.document or, with a direct GET, from the ConfigMap key that
 * spec.documentFrom names. The ConfigMap informer stores metadata only, so the text is read here.
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
    IntegrationModelSpec spec = model.getSpec();
    if (spec != null && spec.getDocument() != null) {
      return checkSize(spec.getDocument(), "spec.document");
    }
    if (spec == null
        || spec.getDocumentFrom() == null
        || spec.getDocumentFrom().getConfigMapKeyRef() == null) {
      return DocumentText.failed(
          ModelConditions.DOCUMENT_MISSING,
          "Set spec.document or spec.documentFrom.configMapKeyRef.");
    }
    ConfigMapKeySelector selector = spec.getDocumentFrom().getConfigMapKeyRef();
    String namespace = model.getMetadata().getNamespace();
    ConfigMap configMap =
        client.configMaps().inNamespace(namespace).withName(selector.getName()).get();
    if (configMap == null) {
      return DocumentText.failed(
          ModelConditions.CONFIG_MAP_NOT_FOUND,
          "ConfigMap "
              + selector.getName()
              + " not found in namespace "
              + namespace
              + "; create it, for example with kubectl create configmap --from-file.");
    }
    String where = "ConfigMap " + selector.getName() + " key " + selector.getKey();
    if (configMap.getData() != null && configMap.getData().containsKey(selector.getKey())) {
      return checkSize(configMap.getData().get(selector.getKey()), where);
    }
    if (configMap.getBinaryData() != null
        && configMap.getBinaryData().containsKey(selector.getKey())) {
      byte[] bytes = Base64.getDecoder().decode(configMap.getBinaryData().get(selector.getKey()));
      return checkSize(new String(bytes, StandardCharsets.UTF_8), where);
    }
    return DocumentText.failed(
        ModelConditions.CONFIG_MAP_KEY_NOT_FOUND,
        "ConfigMap "
            + selector.getName()
            + " has no key "
            + selector.getKey()
            + "; add the key or correct spec.documentFrom.configMapKeyRef.key.");
  }

  private static DocumentText checkSize(String text, String where) {
    if (text.length() > DocumentLoader.MAX_DOCUMENT_CHARS) {
      return DocumentText.failed(
          ModelConditions.DOCUMENT_TOO_LARGE,
          "The document in "
              + where
              + " has "
              + text.length()
              + " characters; the maximum is "
              + DocumentLoader.MAX_DOCUMENT_CHARS
              + ".");
    }
    return DocumentText.of(text);
  }
}
