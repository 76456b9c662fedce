package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Kubernetes REST API in local mode. Objects live in the fabric8 mock server's CRUD
 * store ({@link KubernetesCrudDispatcher}); this class adds what kubectl needs and the store lacks:
 * discovery and OpenAPI documents, the Table form, field selectors on any field, JSON merge patch
 * and strategic merge patch, server-side apply (approximated), Status error bodies, typed list
 * kinds and garbage collection of objects whose owners were deleted.
 *
 * <p>Writes run one at a time under one lock, so a patch reads and replaces an object atomically.
 */
public final class ApiRequestRouter extends Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ApiRequestRouter.class);
  private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String JSON = "application/json";

  /** Namespaces that local mode creates at start and that cannot be deleted. */
  public static final List<String> SYSTEM_NAMESPACES =
      List.of("default", "kube-system", "kube-public");

  private final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
  private final ObjectMapper mapper = new ObjectMapper();
  private final YAMLMapper yamlMapper = new YAMLMapper();
  private final DiscoveryDocuments discovery = new DiscoveryDocuments(mapper);
  private final OpenApiDocuments openApi = new OpenApiDocuments(mapper);
  private final TableConverter tables = new TableConverter(mapper);
  private final GarbageCollector garbageCollector;
  private final Supplier<String> serverAddress;
  private final Clock clock;
  private final Object writeLock = new Object();

  /**
   * Creates a router with an empty store.
   *
   * @param serverAddress returns {@code host:port} of the server, for the {@code /api} document
   */
  public ApiRequestRouter(Supplier<String> serverAddress, Clock clock) {
    this.serverAddress = serverAddress;
    this.clock = clock;
    this.garbageCollector = new GarbageCollector(store, mapper);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      MockResponse response = route(request);
      LOG.debug("{} {} -> {}", request.getMethod(), request.getPath(), response.code());
      return response;
    } catch (IllegalArgumentException | IOException e) {
      return ApiStatus.failure(400, "BadRequest", e.getMessage());
    } catch (ApiRejection e) {
      return e.response();
    } catch (UnsupportedOperationException e) {
      return ApiStatus.failure(415, "UnsupportedMediaType", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Request {} {} failed", request.getMethod(), request.getPath(), e);
      return ApiStatus.failure(500, "InternalError", "Internal error: " + e.getMessage());
    }
  }

  @Override
  public void shutdown() {
    store.shutdown();
  }

  private MockResponse route(RecordedRequest original) throws IOException {
    RecordedRequest request = withJsonBody(original);
    String target = request.getPath();
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    if (path.startsWith("/openapi/")) {
      return openApi(request, path);
    }
    ApiRequest api = ApiRequest.parse(target);
    if (!api.isResource()) {
      return nonResource(request, api, path);
    }
    ResourceCatalog catalog = catalog();
    Optional<ResourceType> type = catalog.find(api.group(), api.version(), api.plural());
    if (type.isEmpty()) {
      return ApiStatus.failure(404, "NotFound", "the server could not find the requested resource");
    }
    switch (request.getMethod()) {
      case "GET":
        return get(request, api, type.get());
      case "POST":
        synchronized (writeLock) {
          JsonNode body = mapper.readTree(request.getBody().getBytes());
          return collectGarbageAfter(create(api, type.get(), body), catalog);
        }
      case "PUT":
        synchronized (writeLock) {
          return collectGarbageAfter(update(request, api, type.get()), catalog);
        }
      case "PATCH":
        synchronized (writeLock) {
          return collectGarbageAfter(patch(request, api, type.get()), catalog);
        }
      case "DELETE":
        synchronized (writeLock) {
          MockResponse deleted = delete(api, type.get());
          if (deleted.code() < 300) {
            if (isNamespace(type.get()) && api.name() != null) {
              garbageCollector.deleteNamespaceContents(api.name(), catalog);
            }
            garbageCollector.collect(catalog);
          }
          return deleted;
        }
      default:
        return ApiStatus.failure(
            405, "MethodNotAllowed", "Method " + request.getMethod() + " is not supported");
    }
  }

  /** Returns the catalog of built-in types plus the types of the stored CRDs. */
  public ResourceCatalog catalog() throws IOException {
    JsonNode list = mapper.readTree(store.handleGet(CRD_PATH).getBody().readUtf8());
    List<JsonNode> crds = new ArrayList<>();
    list.path("items").forEach(crds::add);
    return ResourceCatalog.of(crds);
  }

  private MockResponse nonResource(RecordedRequest request, ApiRequest api, String path)
      throws IOException {
    if (!request.getMethod().equals("GET")) {
      return ApiStatus.failure(405, "MethodNotAllowed", "Only GET is supported on " + path);
    }
    switch (path) {
      case "/":
        ObjectNode root = mapper.createObjectNode();
        ArrayNode paths = root.putArray("paths");
        List.of("/api", "/api/v1", "/apis", "/openapi/v3", "/version").forEach(paths::add);
        return json(200, root);
      case "/version":
        return json(200, discovery.version());
      case "/api":
        return json(200, discovery.coreVersions(serverAddress.get()));
      case "/apis":
        return json(200, discovery.groupList(catalog()));
      case "/healthz":
      case "/livez":
      case "/readyz":
        return new MockResponse().setResponseCode(200).setBody("ok");
      default:
        break;
    }
    ResourceCatalog catalog = catalog();
    if (api.group() != null && !api.group().isEmpty() && api.version() == null) {
      List<String> versions = catalog.groupVersions().get(api.group());
      return versions == null ? notFound() : json(200, discovery.group(api.group(), versions));
    }
    if (api.group() != null && api.version() != null) {
      List<ResourceType> types = catalog.typesOf(api.group(), api.version());
      return types.isEmpty()
          ? notFound()
          : json(200, discovery.resourceList(api.group(), api.version(), types));
    }
    return notFound();
  }

  private MockResponse openApi(RecordedRequest request, String path) throws IOException {
    if (path.equals("/openapi/v3") || path.equals("/openapi/v3/")) {
      return json(200, openApi.index(catalog()));
    }
    if (path.startsWith("/openapi/v3/")) {
      ObjectNode document = openApi.document(catalog(), path.substring("/openapi/v3/".length()));
      return document == null ? notFound() : json(200, document);
    }
    // TODO: serve /openapi/v2. kubectl v1.27 and later validate with v3, but apply of a kind: List
    // file still fetches v2 (as protobuf) and fails on this 404 unless --validate=false is set.
    return notFound();
  }

  /**
   * Returns the filter for one HTTP watch: it drops events that the field selector excludes and the
   * replay of objects the client already listed (the store sends every existing object as ADDED
   * when a watch opens), and converts objects to Tables when the client asked for them. The filter
   * returns null for a dropped event.
   */
  public UnaryOperator<String> httpWatchFilter(RecordedRequest request) throws IOException {
    ApiRequest api = ApiRequest.parse(request.getPath());
    Optional<ResourceType> type =
        api.isResource()
            ? catalog().find(api.group(), api.version(), api.plural())
            : Optional.empty();
    FieldSelector selector = FieldSelector.parse(api.queryParameter("fieldSelector").orElse(""));
    long sinceVersion = parseVersion(api.queryParameter("resourceVersion").orElse("0"));
    boolean table =
        Optional.ofNullable(request.getHeader("Accept")).orElse("").contains("as=Table");
    String includeObject = api.queryParameter("includeObject").orElse("Metadata");
    return eventText -> {
      try {
        ObjectNode event = (ObjectNode) mapper.readTree(eventText);
        JsonNode object = event.path("object");
        boolean replayed =
            event.path("type").asText().equals("ADDED")
                && parseVersion(object.path("metadata").path("resourceVersion").asText("0"))
                    <= sinceVersion;
        if (replayed || !selector.matches(object)) {
          return null;
        }
        if (table && type.isPresent()) {
          event.set("object", tables.convert(type.get(), object, includeObject, clock.instant()));
        }
        return event.toString();
      } catch (IOException e) {
        return eventText;
      }
    };
  }

  private static long parseVersion(String resourceVersion) {
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private MockResponse get(RecordedRequest request, ApiRequest api, ResourceType type)
      throws IOException {
    String storePath = StoreQuery.storePath(api);
    if (api.isWatch()) {
      return store.handleGet(storePath);
    }
    MockResponse response = store.handleGet(storePath);
    if (response.code() == 404) {
      return api.name() == null ? response : ApiStatus.notFound(api, type);
    }
    JsonNode body = mapper.readTree(response.getBody().readUtf8());
    if (api.name() == null) {
      body = typedList(body, type, api);
    }
    String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
    if (accept.contains("as=Table")) {
      body =
          tables.convert(
              type, body, api.queryParameter("includeObject").orElse("Metadata"), clock.instant());
    }
    return json(200, body);
  }

  /**
   * Rewrites a store list into a typed list ({@code ConfigMapList}) holding only objects of the
   * requested kind that match the field selector. The store lists objects of other groups with the
   * same plural (core and events.k8s.io Events) under one path, so the kind filter matters.
   */
  private JsonNode typedList(JsonNode storeList, ResourceType type, ApiRequest api) {
    FieldSelector selector = FieldSelector.parse(api.queryParameter("fieldSelector").orElse(""));
    ObjectNode list = mapper.createObjectNode();
    list.put("kind", type.kind() + "List");
    list.put("apiVersion", type.apiVersion());
    ObjectNode metadata = list.putObject("metadata");
    metadata.put("resourceVersion", storeList.path("metadata").path("resourceVersion").asText(""));
    ArrayNode items = list.putArray("items");
    for (JsonNode item : storeList.path("items")) {
      boolean sameType =
          type.apiVersion().equals(item.path("apiVersion").asText())
              && type.kind().equals(item.path("kind").asText());
      if (sameType && selector.matches(item)) {
        items.add(item);
      }
    }
    return list;
  }

  private MockResponse patch(RecordedRequest request, ApiRequest api, ResourceType type)
      throws IOException {
    String contentType =
        Optional.ofNullable(request.getHeader("Content-Type")).orElse("").split(";")[0].trim();
    byte[] bodyBytes = request.getBody().getBytes();
    LOG.debug(
        "PATCH {} ({}): {}",
        api.path(),
        contentType,
        new String(bodyBytes, StandardCharsets.UTF_8));
    MockResponse existing = store.handleGet(api.objectPath());
    boolean apply = contentType.equals("application/apply-patch+yaml");
    if (existing.code() == 404) {
      return apply ? createFromApply(api, type, bodyBytes) : ApiStatus.notFound(api, type);
    }
    JsonNode current = mapper.readTree(existing.getBody().readUtf8());
    JsonNode updated;
    switch (contentType) {
      case "application/json-patch+json":
        updated = applyJsonPatch(mapper.readTree(bodyBytes), current);
        break;
      case "application/merge-patch+json":
        updated = Patches.mergePatch(current, mapper.readTree(bodyBytes));
        break;
      case "application/strategic-merge-patch+json":
        if (type.isCustom()) {
          return unsupportedPatchType(contentType);
        }
        updated = Patches.strategicMergePatch(current, mapper.readTree(bodyBytes));
        break;
      case "application/apply-patch+yaml":
        // NOTE: server-side apply is approximated by a strategic merge of the applied object;
        // field ownership (managedFields) is not tracked, so apply never removes fields.
        updated = Patches.strategicMergePatch(current, yamlMapper.readTree(bodyBytes));
        break;
      default:
        return unsupportedPatchType(contentType);
    }
    return replace(api, type, current, updated);
  }

  private MockResponse create(ApiRequest api, ResourceType type, JsonNode object) {
    rejectMissingNamespace(api);
    rejectInvalidName(type, object);
    Admitted admitted = admit(api, type, StatusSubresource.forCreate(type, object));
    byte[] body = admitted.object().toString().getBytes(StandardCharsets.UTF_8);
    MockResponse created =
        store.handleCreate(request(HttpMethod.POST, api.collectionPath(), JSON, body));
    return admitted.withWarnings(created);
  }

  private MockResponse update(RecordedRequest request, ApiRequest api, ResourceType type)
      throws IOException {
    JsonNode body = mapper.readTree(request.getBody().getBytes());
    MockResponse existing = store.handleGet(api.objectPath());
    if (existing.code() == 404) {
      return ApiStatus.notFound(api, type);
    }
    return replace(api, type, mapper.readTree(existing.getBody().readUtf8()), body);
  }

  /**
   * Stores the result of an update or patch. The object goes to the store as a PUT, because the
   * store's PATCH handler writes {@code "status": null} into objects that have no status yet.
   */
  private MockResponse replace(
      ApiRequest api, ResourceType type, JsonNode current, JsonNode updated) {
    if (StatusSubresource.STATUS.equals(api.subresource())) {
      // The store compares resource versions only on writes of the object itself.
      rejectStaleResourceVersion(type, current, updated);
    }
    JsonNode scoped = StatusSubresource.forUpdate(type, api.subresource(), current, updated);
    Admitted admitted = admit(api, type, scoped);
    String path =
        StatusSubresource.STATUS.equals(api.subresource())
            ? api.objectPath() + "/status"
            : api.objectPath();
    byte[] body = admitted.object().toString().getBytes(StandardCharsets.UTF_8);
    return admitted.withWarnings(store.handleUpdate(request(HttpMethod.PUT, path, JSON, body)));
  }

  /**
   * Applies a JSON patch after creating missing parent objects of each operation's path, as the
   * mock server does: the operator adds {@code /status/...} fields to objects that have no status
   * yet.
   */
  private static JsonNode applyJsonPatch(JsonNode patch, JsonNode current) {
    ObjectNode target = ((ObjectNode) current).deepCopy();
    for (JsonNode operation : patch) {
      String[] segments = operation.path("path").asText().replaceFirst("^/", "").split("/");
      JsonNode node = target;
      for (int i = 0; i < segments.length - 1 && node.isObject(); i++) {
        String name = segments[i].replace("~1", "/").replace("~0", "~");
        if (!node.has(name)) {
          ((ObjectNode) node).putObject(name);
        }
        node = node.get(name);
      }
    }
    try {
      return JsonPatch.apply(patch, target);
    } catch (JsonPatchException e) {
      throw new IllegalArgumentException("Invalid JSON patch: " + e.getMessage(), e);
    }
  }

  private static void rejectStaleResourceVersion(
      ResourceType type, JsonNode current, JsonNode updated) {
    String expected = updated.path("metadata").path("resourceVersion").asText("");
    String stored = current.path("metadata").path("resourceVersion").asText("");
    if (!expected.isEmpty() && !expected.equals(stored)) {
      String name = current.path("metadata").path("name").asText();
      throw new ApiRejection(
          ApiStatus.failure(
              409,
              "Conflict",
              "Operation cannot be fulfilled on "
                  + type.qualifiedPlural()
                  + " \""
                  + name
                  + "\": the object has been modified; please apply your changes to the latest"
                  + " version and try again",
              name,
              type.group(),
              type.plural()));
    }
  }

  private MockResponse createFromApply(ApiRequest api, ResourceType type, byte[] body)
      throws IOException {
    return create(api, type, yamlMapper.readTree(body));
  }

  private void rejectMissingNamespace(ApiRequest api) {
    if (api.namespace() == null
        || store.handleGet("/api/v1/namespaces/" + api.namespace()).code() != 404) {
      return;
    }
    throw new ApiRejection(
        ApiStatus.failure(
            404,
            "NotFound",
            "namespaces \"" + api.namespace() + "\" not found",
            api.namespace(),
            "",
            "namespaces"));
  }

  private static void rejectInvalidName(ResourceType type, JsonNode object) {
    String name = object.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      // The store derives the name from metadata.generateName or rejects the object.
      return;
    }
    Optional<String> reason = ObjectNames.invalidReason(type, name);
    if (reason.isEmpty()) {
      return;
    }
    String cause = "metadata.name: Invalid value: \"" + name + "\": " + reason.get();
    String kind = type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
    throw new ApiRejection(
        ApiStatus.failure(
            422,
            "Invalid",
            kind + " \"" + name + "\" is invalid: " + cause,
            name,
            type.group(),
            type.kind(),
            List.of(cause)));
  }

  private static boolean isNamespace(ResourceType type) {
    return type.group().isEmpty() && type.kind().equals("Namespace");
  }

  private MockResponse delete(ApiRequest api, ResourceType type) {
    if (isNamespace(type) && SYSTEM_NAMESPACES.contains(api.name())) {
      return ApiStatus.failure(
          403,
          "Forbidden",
          "namespaces \"" + api.name() + "\" is forbidden: this namespace may not be deleted",
          api.name(),
          "",
          "namespaces");
    }
    MockResponse response = store.handleDelete(StoreQuery.storePath(api));
    if (response.code() == 404 && api.name() != null) {
      return ApiStatus.notFound(api, type);
    }
    return response;
  }

  /**
   * Runs the garbage collector after a successful write that may have left dependents without
   * owners: a deletion (also by a patch that removed the last finalizer, which returns no body) or
   * a write of an object with owner references, whose owner may be gone already.
   */
  private MockResponse collectGarbageAfter(MockResponse response, ResourceCatalog catalog)
      throws IOException {
    if (response.code() >= 300) {
      return response;
    }
    byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
    boolean mayOrphan =
        body.length == 0
            || mapper.readTree(body).path("metadata").has("deletionTimestamp")
            || mapper.readTree(body).path("metadata").has("ownerReferences");
    if (mayOrphan) {
      garbageCollector.collect(catalog);
    }
    return response;
  }

  private static MockResponse unsupportedPatchType(String contentType) {
    return ApiStatus.failure(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + "application/json-patch+json, application/merge-patch+json, "
            + "application/apply-patch+yaml (and application/strategic-merge-patch+json for "
            + "built-in kinds); got "
            + contentType);
  }

  /** Converts a protobuf request body into JSON, so the store and patches see JSON only. */
  private static RecordedRequest withJsonBody(RecordedRequest request) {
    String contentType = Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
    if (!contentType.startsWith(ProtobufObjects.MEDIA_TYPE)) {
      return request;
    }
    byte[] json =
        ProtobufObjects.decode(request.getBody().getBytes())
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    return new RecordedRequest(
        request.getHttpVersion(),
        request.method(),
        request.getPath(),
        request.getHeaders().newBuilder().set("Content-Type", JSON).build(),
        new Buffer(json));
  }

  /**
   * Applies defaults and, for custom resources, the CRD schema (including {@code status}) to an
   * object about to be stored by a write of the object itself or of its {@code /status}. Unknown
   * fields are pruned with a warning, or rejected when the request sets {@code
   * fieldValidation=Strict} (kubectl's default); schema violations are always rejected.
   *
   * @throws ApiRejection with the error response when the object is rejected
   */
  private Admitted admit(ApiRequest api, ResourceType type, JsonNode object) {
    JsonNode defaulted = ObjectDefaults.apply(type, object);
    boolean checked = api.subresource() == null || api.subresource().equals("status");
    if (!type.isCustom() || !checked || !defaulted.isObject()) {
      return new Admitted(defaulted, List.of());
    }
    SchemaValidator.Result result = SchemaValidator.validate(type.schema(), defaulted);
    String name = defaulted.path("metadata").path("name").asText(api.name());
    if (!result.violations().isEmpty()) {
      String causes =
          result.violations().size() == 1
              ? result.violations().get(0)
              : "[" + String.join(", ", result.violations()) + "]";
      throw new ApiRejection(
          ApiStatus.failure(
              422,
              "Invalid",
              type.kind() + "." + type.group() + " \"" + name + "\" is invalid: " + causes,
              name,
              type.group(),
              type.kind(),
              result.violations()));
    }
    List<String> unknown =
        result.unknownFields().stream().map(field -> "unknown field \"" + field + "\"").toList();
    String validation = api.queryParameter("fieldValidation").orElse("Warn");
    if (!unknown.isEmpty() && validation.equals("Strict")) {
      throw new ApiRejection(
          ApiStatus.failure(
              400,
              "BadRequest",
              type.kind()
                  + " in version \""
                  + type.version()
                  + "\" cannot be handled as a "
                  + type.kind()
                  + ": strict decoding error: "
                  + String.join(", ", unknown)));
    }
    return new Admitted(result.pruned(), validation.equals("Ignore") ? List.of() : unknown);
  }

  /** An object accepted for storage, with the warnings to return to the client. */
  private record Admitted(JsonNode object, List<String> warnings) {

    MockResponse withWarnings(MockResponse response) {
      for (String warning : warnings) {
        response.addHeader("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\"");
      }
      return response;
    }
  }

  private static RecordedRequest request(
      HttpMethod method, String path, String contentType, byte[] body) {
    return new RecordedRequest(
        "HTTP/1.1",
        method,
        path,
        Headers.builder().add("Content-Type", contentType).build(),
        new Buffer(body));
  }

  private MockResponse json(int code, JsonNode body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", JSON)
        .setBody(body.toString());
  }

  private static MockResponse notFound() {
    return ApiStatus.failure(404, "NotFound", "the server could not find the requested resource");
  }
}
