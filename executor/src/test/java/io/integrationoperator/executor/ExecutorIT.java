package io.integrationoperator.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.executor.calls.CallObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the executor against the fabric8 mock API server in CRUD mode and checks how it looks
 * Integrations, models and generated Secrets up: objects are created with the client, and calls are
 * made over HTTP. Calls that reach an external server are covered by LocalModeExecutorIT.
 */
@EnableKubernetesMockClient(crud = true)
class ExecutorIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL =
      """
      apiVersion: integration-operator.io/v1alpha1
      kind: IntegrationModel
      metadata: {name: pets, namespace: shop}
      spec:
        document: |
          openapi: 3.0.3
          info: {title: Pets, version: "1"}
          components:
            securitySchemes:
              basicAuth: {type: http, scheme: basic}
          paths:
            /pet/{petId}:
              get:
                operationId: getPet
                parameters:
                  - {name: petId, in: path, required: true, schema: {type: integer}}
                responses: {'200': {description: ok}}
      status:
        securitySchemes: [{name: basicAuth, type: http, details: {scheme: basic}}]
        methods: [get]
        taskCount: 1
      """;

  /** status.routing of an Integration whose calls the sidecar runs itself. */
  private static final String DIRECT = "{executionMode: Direct}";

  KubernetesMockServer server;
  KubernetesClient client;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> observed = new CopyOnWriteArrayList<>();
  private Executor executor;

  /** Records what the executor reports, with the duration left out. */
  private final CallObserver observer =
      new CallObserver() {
        @Override
        public void callCompleted(
            String namespace,
            String integration,
            String task,
            String method,
            String redactedUrl,
            String outcome,
            int status,
            Duration duration) {
          observed.add(
              String.join(
                  " ",
                  namespace,
                  integration,
                  task,
                  method,
                  redactedUrl,
                  outcome,
                  String.valueOf(status)));
        }

        @Override
        public void authorizationDenied(String namespace, String integration, String reason) {
          observed.add(String.join(" ", "denied", namespace, integration, reason));
        }
      };

  @AfterEach
  void stopExecutor() {
    if (executor != null) {
      executor.close();
    }
  }

  @Test
  void readyzTurnsReadyAfterSync() throws Exception {
    start(settings(false, ExecutorMode.SIDECAR, Optional.empty()));

    await().atMost(Duration.ofSeconds(10)).until(() -> get("/readyz").statusCode() == 200);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").body()).isEqualTo("ok\n");
  }

  @Test
  void listingUnknownIntegrationIsNotFound() throws Exception {
    startReady(settings(false, ExecutorMode.SIDECAR, Optional.empty()));

    HttpResponse<String> answer = get("/v1/namespaces/shop/integrations/cats/tasks");
    HttpResponse<String> wrongPath = get("/v1/namespaces/shop/cats");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"error\": \"Integration cats not found in namespace shop; check the name with"
                    + " kubectl get integrations -n shop.\", \"reason\": \"IntegrationNotFound\"}"));
    assertThat(wrongPath.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(wrongPath.body()).get("reason").asText()).isEqualTo("NotFound");
  }

  @Test
  void metricsCountRejectedCalls() throws Exception {
    create(MODEL);
    create(
        integration("pets", "", closedPortUrl())
            .replace(
                "status: \"True\", reason: Ready", "status: \"False\", reason: SecretNotFound"));
    executor = Executor.start(client, settings(false, ExecutorMode.SIDECAR, Optional.empty()));
    await().atMost(Duration.ofSeconds(10)).until(executor::ready);

    HttpResponse<String> answer = call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}");
    HttpResponse<String> metrics = get("/metrics");

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .containsPattern(
            "integration_operator_executor_calls_total\\{integration=\"pets\",namespace=\"shop\","
                + "outcome=\"not_ready\",task=\"getPet\"} 1\\.0");
  }

  @Test
  void missingProjectedSecretIsConflict() throws Exception {
    create(MODEL);
    create(integration("pets", "", closedPortUrl()));
    // A Secret of the projected name that the operator did not generate is never read.
    client
        .secrets()
        .inNamespace("shop")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("pets-credentials")
                .withNamespace("shop")
                .endMetadata()
                .withData(Map.of("username", base64("mallory"), "password", base64("x")))
                .build())
        .create();
    startReady(settings(false, ExecutorMode.SIDECAR, Optional.empty()));

    HttpResponse<String> answer = call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}");

    assertThat(answer.statusCode()).isEqualTo(409);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("reason").asText()).isEqualTo("CredentialsMissing");
    assertThat(error.get("error").asText())
        .isEqualTo(
            "Integration pets is not ready: its credentials Secret pets-credentials does not"
                + " exist in namespace shop; the operator writes it once every referenced Secret"
                + " key exists (see kubectl describe integration pets).");
  }

  @Test
  void projectedSecretChangeIsPickedUp() throws Exception {
    create(MODEL);
    String url = closedPortUrl();
    create(integration("pets", "", url));
    startReady(settings(false, ExecutorMode.SIDECAR, Optional.empty()));
    assertThat(call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}").statusCode())
        .isEqualTo(409);

    client.secrets().inNamespace("shop").resource(projectedSecret("pets")).create();

    // With credentials the call is made, and nothing listens on the endpoint's port.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              HttpResponse<String> answer =
                  call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}");
              assertThat(answer.statusCode()).isEqualTo(502);
              assertThat(JSON.readTree(answer.body()).get("reason").asText())
                  .isEqualTo("ConnectionFailed");
            });
  }

  @Test
  void slowServerTimesOutWithIntegrationTimeout() throws Exception {
    HttpServer slow = upstream(exchange -> sleepThenAnswer(exchange, 2000, "{}"));
    try {
      create(MODEL);
      create(
          integration("pets", "timeout: 300ms", "http://127.0.0.1:" + slow.getAddress().getPort()));
      client.secrets().inNamespace("shop").resource(projectedSecret("pets")).create();
      startReady(settings(false, ExecutorMode.SIDECAR, Optional.empty()));

      long started = System.nanoTime();
      HttpResponse<String> answer = call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      assertThat(answer.statusCode()).isEqualTo(504);
      assertThat(JSON.readTree(answer.body()).get("reason").asText()).isEqualTo("Timeout");
      assertThat(elapsed).isLessThan(Duration.ofMillis(1800));
    } finally {
      slow.stop(0);
    }
  }

  @Test
  void bodyAboveLimitIsRejected() throws Exception {
    String large = "{\"items\": \"" + "x".repeat(4096) + "\"}";
    HttpServer server = upstream(exchange -> sleepThenAnswer(exchange, 0, large));
    try {
      create(MODEL);
      create(integration("pets", "", "http://127.0.0.1:" + server.getAddress().getPort() + "/v3"));
      client.secrets().inNamespace("shop").resource(projectedSecret("pets")).create();
      ExecutorSettings settings = settings(false, ExecutorMode.SIDECAR, Optional.empty());
      startReady(
          new ExecutorSettings(
              settings.bindAddress(),
              settings.port(),
              settings.namespaces(),
              false,
              settings.authorizationCacheTtl(),
              settings.authorizationCacheSize(),
              1024,
              settings.mode(),
              settings.gatewayCluster(),
              settings.threads()));

      HttpResponse<String> answer = call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}");

      assertThat(answer.statusCode()).isEqualTo(502);
      JsonNode error = JSON.readTree(answer.body());
      assertThat(error.get("reason").asText()).isEqualTo("ResponseTooLarge");
      assertThat(observed)
          .containsExactly(
              "shop pets getPet GET http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + "/v3/pet/1 ResponseTooLarge 0");
      assertThat(error.get("error").asText())
          .isEqualTo(
              "The response of GET http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + "/v3/pet/1 has a body longer than the limit of 1024 bytes; request less data"
                  + " or raise the limit (the executor's --max-response-body-size).");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void integrationWithoutRoutingIsNotReady() throws Exception {
    create(MODEL);
    create(integration("pets", "", closedPortUrl()).replace("routing: %s".formatted(DIRECT), ""));
    client.secrets().inNamespace("shop").resource(projectedSecret("pets")).create();
    startReady(settings(false, ExecutorMode.SIDECAR, Optional.empty()));

    HttpResponse<String> answer = call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}");

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(answer.body()).get("error").asText())
        .isEqualTo(
            "Integration pets has no status.routing yet; the operator has not decided where calls"
                + " run; see kubectl describe integration pets -n shop.");
  }

  @Test
  void gatewayRejectsOtherCluster() throws Exception {
    create(MODEL);
    create(
        integration(
                "pets",
                "gateway: {cluster: edge-2, executionMode: ClusterNoProxy}",
                closedPortUrl())
            .replace(DIRECT, "{executionMode: ClusterNoProxy, cluster: edge-2}"));
    client.secrets().inNamespace("shop").resource(projectedSecret("pets")).create();
    startReady(settings(false, ExecutorMode.GATEWAY, Optional.of("edge-1")));

    HttpResponse<String> answer = call("pets", "getPet", "{\"parameters\": {\"petId\": 1}}");

    assertThat(answer.statusCode()).isEqualTo(409);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("reason").asText()).isEqualTo("NotInGatewayCluster");
    assertThat(error.get("error").asText())
        .isEqualTo(
            "Integration pets is routed to gateway cluster edge-2, but this executor serves"
                + " gateway cluster edge-1; call the executor of that Integration's cluster.");
  }

  @Test
  void gzipConfigMapDocumentIsListed() throws Exception {
    String document =
        """
        {"openapi": "3.0.3", "info": {"title": "Zipped", "version": "1"},
         "paths": {"/orders": {"post": {"operationId": "createOrder",
           "parameters": [{"name": "dryRun", "in": "query", "schema": {"type": "boolean"}}],
           "responses": {"201": {"description": "created"}}}}}}
        """;
    client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("orders-openapi")
                .withNamespace("shop")
                .endMetadata()
                .withBinaryData(Map.of("openapi.json.gz", gzipBase64(document)))
                .build())
        .create();
    create(
        """
        apiVersion: integration-operator.io/v1alpha1
        kind: IntegrationModel
        metadata: {name: orders, namespace: shop}
        spec:
          documentFrom: {configMapKeyRef: {name: orders-openapi, key: openapi.json.gz}}
        status: {methods: [post], taskCount: 1}
        """);
    create(
        integration("orders", "", closedPortUrl())
            .replace("modelRef: {name: pets}", "modelRef: {name: orders}")
            .replace("authentication: {basic: {secretRef: {name: login}}}", "timeout: 2s"));
    startReady(settings(false, ExecutorMode.SIDECAR, Optional.empty()));

    HttpResponse<String> answer = get("/v1/namespaces/shop/integrations/orders/tasks");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                """
                {"namespace": "shop", "integration": "orders", "tasks": [
                  {"name": "createOrder", "method": "POST", "path": "/orders", "parameters": [
                    {"name": "dryRun", "location": "query", "required": false, "type": "boolean"}]}]}
                """));
  }

  @Test
  void callerWithoutRoleGetsForbiddenBeforeLookup() throws Exception {
    server
        .expect()
        .post()
        .withPath("/apis/authentication.k8s.io/v1/tokenreviews")
        .andReturn(
            201,
            new TokenReviewBuilder()
                .withNewStatus()
                .withAuthenticated(true)
                .withNewUser()
                .withUsername("system:serviceaccount:shop:runner")
                .endUser()
                .endStatus()
                .build())
        .once();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
        .andReturn(
            201,
            new SubjectAccessReviewBuilder().withNewStatus().withAllowed(false).endStatus().build())
        .once();
    startReady(settings(true, ExecutorMode.SIDECAR, Optional.empty()));

    HttpResponse<String> anonymous = call("unknown", "getPet", "{}");
    HttpResponse<String> withoutRole =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base() + "/v1/namespaces/shop/integrations/unknown/tasks/getPet"))
                .header("Authorization", "Bearer token-of-runner")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).get("reason").asText()).isEqualTo("MissingToken");
    assertThat(withoutRole.statusCode()).isEqualTo(403);
    assertThat(observed)
        .containsExactly("denied shop unknown MissingToken", "denied shop unknown Forbidden");
    assertThat(JSON.readTree(withoutRole.body()).get("error").asText())
        .isEqualTo(
            "User system:serviceaccount:shop:runner may not get integrations unknown in namespace"
                + " shop; bind it to the Role unknown-admin or any unknown-<verb> Role with a"
                + " RoleBinding.");
  }

  private void start(ExecutorSettings settings) throws IOException {
    executor = Executor.start(client, settings, observer);
  }

  private void startReady(ExecutorSettings settings) throws IOException {
    start(settings);
    await().atMost(Duration.ofSeconds(10)).until(executor::ready);
  }

  private static ExecutorSettings settings(
      boolean authorization, ExecutorMode mode, Optional<String> cluster) {
    return new ExecutorSettings(
        "127.0.0.1",
        0,
        Set.of("shop"),
        authorization,
        Duration.ofSeconds(10),
        100,
        1024 * 1024,
        mode,
        cluster,
        4);
  }

  private static String integration(String name, String extraSpec, String endpoint) {
    return """
        apiVersion: integration-operator.io/v1alpha1
        kind: Integration
        metadata: {name: %s, namespace: shop}
        spec:
          modelRef: {name: pets}
          authentication: {basic: {secretRef: {name: login}}}
          %s
        status:
          observedGeneration: 1
          endpoint: %s
          routing: %s
          conditions:
            - {type: Ready, status: "True", reason: Ready, message: ok}
        """
        .formatted(name, extraSpec, endpoint, DIRECT);
  }

  private void create(String yaml) {
    if (yaml.contains("kind: IntegrationModel")) {
      client
          .resource(client.getKubernetesSerialization().unmarshal(yaml, IntegrationModel.class))
          .create();
    } else {
      client
          .resource(client.getKubernetesSerialization().unmarshal(yaml, Integration.class))
          .create();
    }
  }

  private static io.fabric8.kubernetes.api.model.Secret projectedSecret(String integration) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(integration + "-credentials")
        .withNamespace("shop")
        .withLabels(Map.of("integration-operator.io/integration", integration))
        .endMetadata()
        .withData(Map.of("username", base64("alice"), "password", base64("wonderland")))
        .build();
  }

  private HttpResponse<String> call(String integration, String task, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    base() + "/v1/namespaces/shop/integrations/" + integration + "/tasks/" + task))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://127.0.0.1:" + executor.port();
  }

  /** Returns an http URL on 127.0.0.1 at a port that nothing listens on. */
  private static String closedPortUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/api";
    }
  }

  /** Starts an HTTP server on 127.0.0.1 that answers every request with {@code handler}. */
  private static HttpServer upstream(HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", handler);
    server.start();
    return server;
  }

  private static void sleepThenAnswer(HttpExchange exchange, long millis, String json)
      throws IOException {
    try (exchange) {
      Thread.sleep(millis);
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String gzipBase64(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
