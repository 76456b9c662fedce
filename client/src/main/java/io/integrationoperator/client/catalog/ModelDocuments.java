package io.integrationoperator.client.catalog;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IntegrationModel's document from spec.document or from the ConfigMap key that
 * spec.documentFrom names: text in data, or text or gzip-compressed text in binaryData. The
 * operator and the executor both read documents here, so both see the same text and failures.
 */
public final class ModelDocuments {
  public static final String DOCUMENT_MISSING = "DocumentMissing";
  public static final String DOCUMENT_SOURCE_CONFLICT = "DocumentSourceConflict";
  public static final String DOCUMENT_TOO_LARGE = "DocumentTooLarge";
  public static final String DOCUMENT_INVALID = "DocumentInvalid";
  public static final String CONFIG_MAP_NOT_FOUND = "ConfigMapNotFound";
  public static final String CONFIG_MAP_KEY_NOT_FOUND = "ConfigMapKeyNotFound";

  private ModelDocuments() {}

  /**
   * Reads the document text.
   *
   * @param configMaps returns the ConfigMap of the given name in the model's namespace, or null
   *     when it does not exist; called only for spec.documentFrom
   */
  public static ModelDocumentText read(
      IntegrationModel model, Function<String, ConfigMap> configMaps) {
    IntegrationModelSpec spec = model.getSpec();
    if (spec != null && spec.getDocument() != null && spec.getDocumentFrom() != null) {
      return ModelDocumentText.failed(
          DOCUMENT_SOURCE_CONFLICT,
          "spec.document and spec.documentFrom are both set; remove one of them.");
    }
    if (spec != null && spec.getDocument() != null) {
      return checkSize(spec.getDocument(), "spec.document");
    }
    if (spec == null
        || spec.getDocumentFrom() == null
        || spec.getDocumentFrom().getConfigMapKeyRef() == null) {
      return ModelDocumentText.failed(
          DOCUMENT_MISSING, "Set spec.document or spec.documentFrom.configMapKeyRef.");
    }
    ConfigMapKeySelector selector = spec.getDocumentFrom().getConfigMapKeyRef();
    String namespace = model.getMetadata().getNamespace();
    ConfigMap configMap = configMaps.apply(selector.getName());
    if (configMap == null) {
      return ModelDocumentText.failed(
          CONFIG_MAP_NOT_FOUND,
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
    return ModelDocumentText.failed(
        CONFIG_MAP_KEY_NOT_FOUND,
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
   * Decompresses a gzip document. A ConfigMap stores at most 1 MiB, so documents of several MB fit
   * only compressed. Reading stops past the size limit, so a small archive that expands without
   * bound is rejected instead of filling the heap.
   */
  private static ModelDocumentText gunzip(byte[] bytes, String where) {
    // A UTF-8 character takes at most 4 bytes, so this many bytes always exceed the limit.
    int maxBytes = DocumentLoader.MAX_DOCUMENT_CHARS * 4;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] text = in.readNBytes(maxBytes + 1);
      if (text.length > maxBytes) {
        // More bytes than this cannot decode to fewer characters than the limit.
        return tooLarge(
            where,
            "more than " + DocumentLoader.MAX_DOCUMENT_CHARS + " characters after decompression");
      }
      return checkSize(utf8(text), where);
    } catch (IOException e) {
      return ModelDocumentText.failed(
          DOCUMENT_INVALID,
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

  private static ModelDocumentText tooLarge(String where, String size) {
    return ModelDocumentText.failed(
        DOCUMENT_TOO_LARGE,
        "The document in "
            + where
            + " has "
            + size
            + "; the maximum is "
            + DocumentLoader.MAX_DOCUMENT_CHARS
            + " characters.");
  }

  private static ModelDocumentText checkSize(String text, String where) {
    if (text.length() > DocumentLoader.MAX_DOCUMENT_CHARS) {
      return tooLarge(where, text.length() + " characters");
    }
    return ModelDocumentText.of(text);
  }
}
