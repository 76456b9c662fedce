package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the OpenAPI v3 documents at {@code /openapi/v3} (the index) and {@code
 * /openapi/v3/<api|apis/group>/<version>} (one document per group version).
 *
 * <p>kubectl reads them for two decisions. Every PATCH operation lists the {@code fieldValidation}
 * query parameter, so kubectl leaves field validation to the server and needs no OpenAPI v2
 * document. PATCH request bodies do not list the strategic merge patch type, so kubectl computes
 * strategic merge patches for built-in kinds from its own compiled types and JSON merge patches for
 * custom resources, as it does against a real API server.
 *
 * <p>Custom resource schemas come from the CRD's {@code openAPIV3Schema}; built-in kinds get an
 * object schema that accepts any field.
 */
public final class OpenApiDocuments {

  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
  private static final List<String> PATCH_TYPES =
      List.of(
          "application/json-patch+json",
          "application/merge-patch+json",
          "application/apply-patch+yaml");

  private final ObjectMapper mapper;

  public OpenApiDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Returns the index document that maps each group version to its document URL. */
  public ObjectNode index(ResourceCatalog catalog) {
    ObjectNode index = mapper.createObjectNode();
    ObjectNode paths = index.putObject("paths");
    for (Map.Entry<String, ObjectNode> entry : documents(catalog).entrySet()) {
      paths
          .putObject(entry.getKey())
          .put(
              "serverRelativeURL",
              "/openapi/v3/" + entry.getKey() + "?hash=" + hash(entry.getValue()));
    }
    return index;
  }

  /**
   * Returns the document of one group version, keyed like the index ({@code api/v1}, {@code
   * apis/<group>/<version>}), or null when no type is served there.
   */
  public ObjectNode document(ResourceCatalog catalog, String key) {
    return documents(catalog).get(key);
  }

  private Map<String, ObjectNode> documents(ResourceCatalog catalog) {
    Map<String, List<ResourceType>> byGroupVersion = new LinkedHashMap<>();
    for (ResourceType type : catalog.types()) {
      String key = type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.apiVersion();
      byGroupVersion.computeIfAbsent(key, k -> new ArrayList<>()).add(type);
    }
    Map<String, ObjectNode> documents = new LinkedHashMap<>();
    byGroupVersion.forEach((key, types) -> documents.put(key, groupVersionDocument(types)));
    return documents;
  }

  private ObjectNode groupVersionDocument(List<ResourceType> types) {
    ObjectNode document = mapper.createObjectNode();
    document.put("openapi", "3.0.0");
    ObjectNode info = document.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", DiscoveryDocuments.KUBERNETES_VERSION);
    ObjectNode paths = document.putObject("paths");
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    schemas.set(OBJECT_META, objectMetaSchema());
    schemas.putObject(PATCH).put("type", "object");
    for (ResourceType type : types) {
      String schemaName = schemaName(type);
      schemas.set(schemaName, objectSchema(type));
      paths.set(collectionPath(type), collectionOperations(type, schemaName));
      paths.set(collectionPath(type) + "/{name}", objectOperations(type, schemaName));
    }
    return document;
  }

  /** Returns the component name, such as {@code io.integration-operator.v1alpha1.Integration}. */
  static String schemaName(ResourceType type) {
    if (!type.isCustom()) {
      String group = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
      return "io.k8s.api." + group + "." + type.version() + "." + type.kind();
    }
    List<String> parts = new ArrayList<>(List.of(type.group().split("\\.")));
    Collections.reverse(parts);
    return String.join(".", parts) + "." + type.version() + "." + type.kind();
  }

  private static String collectionPath(ResourceType type) {
    String root = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.apiVersion();
    return root + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
  }

  private ObjectNode collectionOperations(ResourceType type, String schemaName) {
    ObjectNode item = mapper.createObjectNode();
    item.set("post", operation(type, schemaName, "create", "post", false));
    return item;
  }

  private ObjectNode objectOperations(ResourceType type, String schemaName) {
    ObjectNode item = mapper.createObjectNode();
    item.set("get", operation(type, schemaName, "read", "get", true));
    item.set("put", operation(type, schemaName, "replace", "put", true));
    item.set("patch", operation(type, schemaName, "patch", "patch", true));
    item.set("delete", operation(type, schemaName, "delete", "delete", true));
    return item;
  }

  private ObjectNode operation(
      ResourceType type, String schemaName, String verb, String action, boolean named) {
    ObjectNode operation = mapper.createObjectNode();
    operation.put("operationId", verb + type.kind());
    ObjectNode gvk = operation.putObject("x-kubernetes-group-version-kind");
    gvk.put("group", type.group());
    gvk.put("version", type.version());
    gvk.put("kind", type.kind());
    operation.put("x-kubernetes-action", action);
    ArrayNode parameters = operation.putArray("parameters");
    if (named) {
      parameters.add(parameter("name", "path", true));
    }
    if (type.namespaced()) {
      parameters.add(parameter("namespace", "path", true));
    }
    if (!action.equals("get") && !action.equals("delete")) {
      parameters.add(parameter("dryRun", "query", false));
      parameters.add(parameter("fieldManager", "query", false));
      parameters.add(parameter("fieldValidation", "query", false));
    }
    if (action.equals("patch")) {
      parameters.add(parameter("force", "query", false));
      ObjectNode content = operation.putObject("requestBody").putObject("content");
      for (String patchType : PATCH_TYPES) {
        content.putObject(patchType).putObject("schema").put("$ref", ref(PATCH));
      }
    } else if (!action.equals("get") && !action.equals("delete")) {
      operation
          .putObject("requestBody")
          .putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", ref(schemaName));
    }
    ObjectNode ok = operation.putObject("responses").putObject("200");
    ok.put("description", "OK");
    ok.putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", ref(schemaName));
    return operation;
  }

  private ObjectNode parameter(String name, String in, boolean required) {
    ObjectNode parameter = mapper.createObjectNode();
    parameter.put("name", name);
    parameter.put("in", in);
    if (required) {
      parameter.put("required", true);
    }
    parameter.putObject("schema").put("type", "string");
    return parameter;
  }

  private ObjectNode objectSchema(ResourceType type) {
    ObjectNode schema =
        type.isCustom()
            ? type.schema().deepCopy()
            : mapper.createObjectNode().put("type", "object");
    if (!type.isCustom()) {
      schema.put("description", type.kind() + " (built-in kind; local mode accepts any field).");
      schema.put("x-kubernetes-preserve-unknown-fields", true);
    }
    ObjectNode properties = schema.with("properties");
    properties.putObject("apiVersion").put("type", "string").put("description", "API version.");
    properties.putObject("kind").put("type", "string").put("description", "Object kind.");
    properties
        .putObject("metadata")
        .put("description", "Standard object metadata.")
        .putArray("allOf")
        .addObject()
        .put("$ref", ref(OBJECT_META));
    ObjectNode gvk = schema.putArray("x-kubernetes-group-version-kind").addObject();
    gvk.put("group", type.group());
    gvk.put("version", type.version());
    gvk.put("kind", type.kind());
    return schema;
  }

  private ObjectNode objectMetaSchema() {
    ObjectNode schema = mapper.createObjectNode();
    schema.put("type", "object");
    schema.put("description", "Metadata that every persisted object has.");
    ObjectNode properties = schema.putObject("properties");
    for (String field :
        List.of(
            "name",
            "namespace",
            "generateName",
            "uid",
            "resourceVersion",
            "creationTimestamp",
            "deletionTimestamp")) {
      properties.putObject(field).put("type", "string");
    }
    properties.putObject("generation").put("type", "integer").put("format", "int64");
    for (String map : List.of("labels", "annotations")) {
      properties
          .putObject(map)
          .put("type", "object")
          .putObject("additionalProperties")
          .put("type", "string");
    }
    properties
        .putObject("finalizers")
        .put("type", "array")
        .putObject("items")
        .put("type", "string");
    properties
        .putObject("ownerReferences")
        .put("type", "array")
        .putObject("items")
        .put("type", "object")
        .put("x-kubernetes-preserve-unknown-fields", true);
    return schema;
  }

  private static String ref(String schemaName) {
    return "#/components/schemas/" + schemaName;
  }

  private String hash(JsonNode document) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-512")
              .digest(mapper.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot hash an OpenAPI document", e);
    }
  }
}
