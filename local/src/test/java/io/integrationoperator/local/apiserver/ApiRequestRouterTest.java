package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sends requests straight to the router, without HTTP, and reads the stored objects back. */
class ApiRequestRouterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String INTEGRATIONS =
      "/apis/integration-operator.io/v1alpha1/namespaces/default/integrations";
  private static final String PETSTORE = INTEGRATIONS + "/petstore";
  private static final String INTEGRATION =
      "{\"apiVersion\":\"integration-operator.io/v1alpha1\",\"kind\":\"Integration\","
          + "\"metadata\":{\"name\":\"petstore\"},"
          + "\"spec\":{\"modelRef\":{\"name\":\"petstore\"},\"timeout\":\"5s\"}}";

  private ApiRequestRouter router;

  @BeforeEach
  void createRouter() throws Exception {
    router = new ApiRequestRouter(() -> "127.0.0.1:1", Clock.systemUTC());
    for (JsonNode crd : CustomResourceDefinitions.load()) {
      send(
          HttpMethod.POST,
          "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
          "application/json",
          crd.toString());
    }
    send(
        HttpMethod.POST,
        "/api/v1/namespaces",
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"default\"}}");
  }

  @AfterEach
  void shutdownRouter() {
    router.shutdown();
  }

  @Test
  void createDropsStatus() throws Exception {
    String withStatus =
        INTEGRATION.replaceFirst("}$", ",\"status\":{\"endpoint\":\"http://a.test\"}}");

    MockResponse created = send(HttpMethod.POST, INTEGRATIONS, "application/json", withStatus);

    assertThat(created.code()).isEqualTo(201);
    assertThat(stored(PETSTORE).has("status")).isFalse();
  }

  @ParameterizedTest(name = "{0} keeps a missing status missing")
  @CsvSource(
      delimiter = ';',
      value = {
        "PATCH;application/merge-patch+json;"
            + "{\"spec\":{\"timeout\":\"9s\"},\"status\":{\"endpoint\":\"x\"}}",
        "PATCH;application/json-patch+json;"
            + "[{\"op\":\"replace\",\"path\":\"/spec/timeout\",\"value\":\"9s\"}]",
        "PATCH;application/apply-patch+yaml;"
            + "{\"apiVersion\":\"integration-operator.io/v1alpha1\",\"kind\":\"Integration\","
            + "\"metadata\":{\"name\":\"petstore\"},\"spec\":{\"timeout\":\"9s\"}}",
        "PUT;application/json;"
            + "{\"apiVersion\":\"integration-operator.io/v1alpha1\",\"kind\":\"Integration\","
            + "\"metadata\":{\"name\":\"petstore\"},"
            + "\"spec\":{\"modelRef\":{\"name\":\"petstore\"},\"timeout\":\"9s\"},"
            + "\"status\":{\"endpoint\":\"x\"}}"
      })
  void mainResourceWriteKeepsMissingStatus(String method, String contentType, String body)
      throws Exception {
    send(HttpMethod.POST, INTEGRATIONS, "application/json", INTEGRATION);

    MockResponse response = send(HttpMethod.valueOf(method), PETSTORE, contentType, body);

    assertThat(response.code()).as(response.getBody().readUtf8()).isEqualTo(200);
    JsonNode stored = stored(PETSTORE);
    assertThat(stored.path("spec").path("timeout").asText()).isEqualTo("9s");
    assertThat(stored.has("status")).as(stored.toString()).isFalse();
  }

  @Test
  void mainResourcePatchKeepsStoredStatus() throws Exception {
    send(HttpMethod.POST, INTEGRATIONS, "application/json", INTEGRATION);
    send(
        HttpMethod.PATCH,
        PETSTORE + "/status",
        "application/merge-patch+json",
        "{\"status\":{\"endpoint\":\"http://a.test\"}}");

    send(
        HttpMethod.PATCH,
        PETSTORE,
        "application/merge-patch+json",
        "{\"spec\":{\"timeout\":\"9s\"},\"status\":null}");

    assertThat(stored(PETSTORE).path("status").path("endpoint").asText())
        .isEqualTo("http://a.test");
  }

  @Test
  void statusJsonPatchWorksAfterSpecPatch() throws Exception {
    send(HttpMethod.POST, INTEGRATIONS, "application/json", INTEGRATION);
    send(
        HttpMethod.PATCH,
        PETSTORE,
        "application/merge-patch+json",
        "{\"spec\":{\"timeout\":\"9s\"}}");

    MockResponse response =
        send(
            HttpMethod.PATCH,
            PETSTORE + "/status",
            "application/json-patch+json",
            "[{\"op\":\"add\",\"path\":\"/status/endpoint\",\"value\":\"http://a.test\"}]");

    assertThat(response.code()).as(response.getBody().readUtf8()).isEqualTo(200);
    assertThat(stored(PETSTORE).path("status").path("endpoint").asText())
        .isEqualTo("http://a.test");
  }

  @Test
  void statusWriteChangesOnlyStatus() throws Exception {
    send(HttpMethod.POST, INTEGRATIONS, "application/json", INTEGRATION);
    String before = stored(PETSTORE).path("metadata").path("resourceVersion").asText();

    send(
        HttpMethod.PATCH,
        PETSTORE + "/status",
        "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"timeout\":\"9s\"},"
            + "\"status\":{\"endpoint\":\"http://a.test\"}}");

    JsonNode stored = stored(PETSTORE);
    assertThat(stored.path("status").path("endpoint").asText()).isEqualTo("http://a.test");
    assertThat(stored.path("spec").path("timeout").asText()).isEqualTo("5s");
    assertThat(stored.path("metadata").has("labels")).isFalse();
    assertThat(stored.path("metadata").path("generation").asInt()).isEqualTo(1);
    assertThat(stored.path("metadata").path("resourceVersion").asText()).isNotEqualTo(before);
  }

  @Test
  void statusUpdateWithStaleVersionConflicts() throws Exception {
    send(HttpMethod.POST, INTEGRATIONS, "application/json", INTEGRATION);
    String stale =
        INTEGRATION.replace(
            "\"name\":\"petstore\"}", "\"name\":\"petstore\",\"resourceVersion\":\"1\"}");

    MockResponse response =
        send(
            HttpMethod.PUT,
            PETSTORE + "/status",
            "application/json",
            stale.replaceFirst("}$", ",\"status\":{\"endpoint\":\"x\"}}"));

    assertThat(response.code()).isEqualTo(409);
  }

  @Test
  void strategicMergePatchOfNamespaceKeepsMissingStatus() throws Exception {
    MockResponse response =
        send(
            HttpMethod.PATCH,
            "/api/v1/namespaces/default",
            "application/strategic-merge-patch+json",
            "{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"status\":{\"phase\":\"Terminating\"}}");

    assertThat(response.code()).isEqualTo(200);
    JsonNode stored = stored("/api/v1/namespaces/default");
    assertThat(stored.path("metadata").path("labels").path("a").asText()).isEqualTo("b");
    assertThat(stored.has("status")).as(stored.toString()).isFalse();
  }

  @ParameterizedTest(name = "fieldValidation={0} gives {1}")
  @CsvSource({"Strict,400", "Warn,201"})
  void serverSideApplyCreateChecksUnknownFields(String validation, int code) throws Exception {
    String applied = INTEGRATION.replace("\"timeout\":\"5s\"", "\"foo\":\"bar\"");

    MockResponse response =
        send(
            HttpMethod.PATCH,
            PETSTORE + "?fieldManager=kubectl&fieldValidation=" + validation,
            "application/apply-patch+yaml",
            applied);

    String body = response.getBody().readUtf8();
    assertThat(response.code()).as(body).isEqualTo(code);
    if (code == 400) {
      assertThat(body).contains("strict decoding error: unknown field \\\"spec.foo\\\"");
    } else {
      assertThat(response.header("Warning")).contains("unknown field \\\"spec.foo\\\"");
      assertThat(stored(PETSTORE).path("spec").has("foo")).isFalse();
    }
  }

  @Test
  void serverSideApplyUpdatePrunesUnknownFields() throws Exception {
    send(HttpMethod.POST, INTEGRATIONS, "application/json", INTEGRATION);

    MockResponse response =
        send(
            HttpMethod.PATCH,
            PETSTORE + "?fieldManager=kubectl",
            "application/apply-patch+yaml",
            INTEGRATION.replace("\"timeout\":\"5s\"", "\"foo\":\"bar\""));

    assertThat(response.code()).isEqualTo(200);
    assertThat(stored(PETSTORE).path("spec").has("foo")).isFalse();
  }

  @ParameterizedTest(name = "fieldValidation={0} gives {1}")
  @CsvSource({"Strict,400", "Warn,200"})
  void statusPatchChecksUnknownFields(String validation, int code) throws Exception {
    send(HttpMethod.POST, INTEGRATIONS, "application/json", INTEGRATION);

    MockResponse response =
        send(
            HttpMethod.PATCH,
            PETSTORE + "/status?fieldValidation=" + validation,
            "application/merge-patch+json",
            "{\"status\":{\"bogus\":1,\"endpoint\":\"http://a.test\"}}");

    assertThat(response.code()).as(response.getBody().readUtf8()).isEqualTo(code);
    JsonNode status = stored(PETSTORE).path("status");
    assertThat(status.has("bogus")).isFalse();
    assertThat(status.path("endpoint").asText()).isEqualTo(code == 200 ? "http://a.test" : "");
  }

  @Test
  void createInMissingNamespaceIsNotFound() throws Exception {
    MockResponse response =
        send(
            HttpMethod.POST,
            "/api/v1/namespaces/ghost/configmaps",
            "application/json",
            configMap("settings"));

    assertThat(response.code()).isEqualTo(404);
    assertThat(MAPPER.readTree(response.getBody().readUtf8()).path("message").asText())
        .isEqualTo("namespaces \"ghost\" not found");
  }

  @Test
  void namespaceDeletionDeletesItsObjects() throws Exception {
    send(HttpMethod.POST, "/api/v1/namespaces", "application/json", namespace("team"));
    send(
        HttpMethod.POST,
        "/api/v1/namespaces/team/configmaps",
        "application/json",
        configMap("settings"));
    send(
        HttpMethod.POST,
        INTEGRATIONS.replace("/default/", "/team/"),
        "application/json",
        INTEGRATION);
    send(
        HttpMethod.POST,
        "/api/v1/namespaces/default/configmaps",
        "application/json",
        configMap("settings"));

    MockResponse deleted = send(HttpMethod.DELETE, "/api/v1/namespaces/team", "", "");

    assertThat(deleted.code()).isEqualTo(200);
    assertThat(code(HttpMethod.GET, "/api/v1/namespaces/team/configmaps/settings")).isEqualTo(404);
    assertThat(code(HttpMethod.GET, PETSTORE.replace("/default/", "/team/"))).isEqualTo(404);
    assertThat(code(HttpMethod.GET, "/api/v1/namespaces/default/configmaps/settings"))
        .isEqualTo(200);
  }

  @Test
  void defaultNamespaceCannotBeDeleted() {
    assertThat(code(HttpMethod.DELETE, "/api/v1/namespaces/default")).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0} {1} gives {2}")
  @CsvSource({
    "configmaps, Bad_Name, 422",
    "configmaps, -leading, 422",
    "configmaps, a.b-c.d, 201",
    "configmaps, x{254}, 422",
    "configmaps, x{253}, 201",
    "roles, system:reader, 201",
    "roles, a/b, 422"
  })
  void createChecksObjectName(String plural, String name, int code) throws Exception {
    String fullName =
        name.endsWith("}")
            ? "x".repeat(Integer.parseInt(name.substring(2, name.length() - 1)))
            : name;
    String path =
        plural.equals("roles")
            ? "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles"
            : "/api/v1/namespaces/default/configmaps";
    String body =
        plural.equals("roles")
            ? "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"Role\","
                + "\"metadata\":{\"name\":\""
                + fullName
                + "\"}}"
            : configMap(fullName);

    MockResponse response = send(HttpMethod.POST, path, "application/json", body);

    String output = response.getBody().readUtf8();
    assertThat(response.code()).as(output).isEqualTo(code);
    if (code == 422) {
      assertThat(output).contains("is invalid: metadata.name: Invalid value");
    }
  }

  @Test
  void namespaceNameMustBeLabel() {
    assertThat(code(HttpMethod.POST, "/api/v1/namespaces", namespace("a.b"))).isEqualTo(422);
  }

  private static String configMap(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"data\":{\"a\":\"b\"}}";
  }

  private static String namespace(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
        + name
        + "\"}}";
  }

  private int code(HttpMethod method, String path) {
    return code(method, path, "");
  }

  private int code(HttpMethod method, String path, String body) {
    return send(method, path, "application/json", body).code();
  }

  private JsonNode stored(String path) throws Exception {
    MockResponse response = send(HttpMethod.GET, path, "application/json", "");
    assertThat(response.code()).isEqualTo(200);
    return MAPPER.readTree(response.getBody().readUtf8());
  }

  private MockResponse send(HttpMethod method, String path, String contentType, String body) {
    RecordedRequest request =
        new RecordedRequest(
            "HTTP/1.1",
            method,
            path,
            Headers.builder().add("Content-Type", contentType).build(),
            new Buffer(body.getBytes(StandardCharsets.UTF_8)));
    return router.dispatch(request);
  }
}
