package io.integrationoperator.operator.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelSpec;
import io.integrationoperator.client.catalog.DocumentLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Reads a model's document from spec.document or, with a direct GET, from the ConfigMap key that
 * spec.documentFrom names: text in data, or text or gzip-compressed text in binaryData. The
 * ConfigMap informer stores metadata only, so the text is read here.
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
    if (spec != null && spec.getDocument() != null && spec.getDocumentFrom() != null) {
      return DocumentText.failed(
          ModelConditions.DOCUMENT_SOURCE_CONFLICT,
          "spec.document and spec.documentFrom are both set; remove one of them.");
    }
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
      return isGzip(bytes) ? gunzip(bytes, where) : checkSize(utf8(bytes), where);
    }
    return DocumentText.failed(
        ModelConditions.CONFIG_MAP_KEY_NOT_FOUND,
        "ConfigMap "
            + selector.getName()
            + " has no key "
            + selector.getKey()
            + "; add the key or correct spec.documentFrom.configMapKeyRef.key.");
  }

  private static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  /**
   * Decompresses a gzip document. A ConfigMap holds at most 1 MiB, so documents of several MB fit
   * only compressed. Reading stops past the size limit, so a small archive that expands without
   * bound is rejected instead of filling the heap.
   */
  private static DocumentText gunzip(byte[] bytes, String where) {
    // A UTF-8 character takes at most 4 bytes, so this many bytes always exceed the limit.
    int maxBytes = DocumentLoader.MAX_DOCUMENT_CHARS * 4;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] text = in.readNBytes(maxBytes + 1);
      if (text.length > maxBytes) {
        return tooLarge(where, "more than " + maxBytes + " bytes after decompression");
      }
      return checkSize(utf8(text), where);
    } catch (IOException e) {
      return DocumentText.failed(
          ModelConditions.DOCUMENT_INVALID,
          "The gzip data in "
              + where
              + " cannot be decompressed ("
              + e.getMessage()
              + "); recreate it with gzip and kubectl create configmap --from-file.");
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static DocumentText tooLarge(String where, String size) {
    return DocumentText.failed(
        ModelConditions.DOCUMENT_TOO_LARGE,
        "The document in "
            + where
            + " has "
            + size
            + "; the maximum is "
            + DocumentLoader.MAX_DOCUMENT_CHARS
            + " characters.");
  }

  private static DocumentText checkSize(String text, String where) {
    if (text.length() > DocumentLoader.MAX_DOCUMENT_CHARS) {
      return tooLarge(where, text.length() + " characters");
    }
    return DocumentText.of(text);
  }
}
