package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationoperator.client.gateway.GatewayEndpoints;
import io.integrationoperator.client.testing.AccessLogEntry;
import io.integrationoperator.client.testing.NginxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs an Integration routed to local mode's gateway cluster {@code local}, the operator's default
 * cluster in local mode, in execution mode ClusterNoProxy: the manifests are applied with the real
 * kubectl, the server is a real nginx with Basic authentication, and the cluster is found through
 * the Service and EndpointSlice that local mode creates in its API server.
 */
@Tag("real-server")
@TestMethodOrder(OrderAnnotation.class)
class LocalModeGatewayIT {

  private static final Duration OPERATOR_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASIC_ALICE =
      "Basic "
          + Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));

  @TempDir static Path directory;

  private static NginxServer nginx;
  private static LocalMode localMode;
  private static Kubectl kubectl;
  private static HttpClient http;
  private static String executorUrl;

  @BeforeAll
  static void start() throws Exception {
    nginx = NginxServer.builder().basicAuth("alice", "wonderland").start();
    Path home = Files.createDirectories(directory.resolve("home"));
    Path kubeconfig = directory.resolve("kubeconfig");
    localMode =
        LocalMode.start(
            new LocalModeOptions(kubeconfig, 0, 0, List.of(), false, true),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    kubectl = new Kubectl(kubeconfig, home);
    http = HttpClient.newHttpClient();
    executorUrl = "http://127.0.0.1:" + localMode.executorPort();

    kubectl.succeed(
        "create",
        "secret",
        "generic",
        "login",
        "--from-literal=username=alice",
        "--from-literal=password=wonderland");
    Path manifests = Files.writeString(directory.resolve("pets.yaml"), manifests(nginx.apiUrl()));
    kubectl.succeed("apply", "-f", manifests.toString());
    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.succeed(
                            "get",
                            "intg",
                            "pets",
                            "-o",
                            "jsonpath={.status.routing.cluster} {.status.routing.sources}"
                                + " {.status.conditions[?(@.type==\"Ready\")].status}"))
                    .isEqualTo("local [\"executionMode: spec\",\"cluster: default\"] True"));
  }

  @AfterAll
  static void stop() {
    if (localMode != null) {
      localMode.close();
    }
    if (nginx != null) {
      nginx.close();
    }
  }

  @Test
  @Order(1)
  void gatewayClusterLocalPointsAtTheExecutor() throws Exception {
    JsonNode slices = JSON.readTree(kubectl.succeed("get", "endpointslices", "-o", "json"));
    String services =
        kubectl.succeed(
            "get", "services", "-l", GatewayEndpoints.CLUSTER_LABEL + "=local", "-o", "name");

    assertThat(services).isEqualTo("service/integration-operator-gateway-local\n");
    JsonNode slice = slices.get("items").get(0);
    assertThat(slice.get("ports").get(0).get("port").asInt()).isEqualTo(localMode.executorPort());
    assertThat(slice.get("endpoints").get(0).get("addresses").get(0).asText())
        .isEqualTo("127.0.0.1");
    try (GatewayEndpoints endpoints =
        GatewayEndpoints.start(localMode.client(), LocalMode.OPERATOR_NAMESPACE)) {
      await().atMost(Duration.ofSeconds(10)).until(endpoints::synced);
      assertThat(endpoints.readyExecutors("local")).containsExactly(URI.create(executorUrl));
    }
  }

  @Test
  @Order(2)
  void clusterNoProxyCallRunsOnTheLocalExecutor() throws Exception {
    int requestsBefore = nginx.settledAccessLogSize();

    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        executorUrl + "/v1/namespaces/default/integrations/pets/tasks/getPet"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"petId\": 1}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode envelope = JSON.readTree(answer.body());
    assertThat(envelope.get("url").asText()).isEqualTo(nginx.apiUrl() + "/pet/1");
    assertThat(envelope.get("body")).isEqualTo(JSON.readTree(NginxServer.PET_JSON));
    AccessLogEntry received =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    nginx.accessLog().stream()
                        .skip(requestsBefore)
                        .filter(entry -> entry.uri().equals("/api/v3/pet/1"))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(received.authorization()).isEqualTo(BASIC_ALICE);
    // The executor serves cluster local itself, so nothing was forwarded.
    assertThat(get("/metrics")).doesNotContain("forwarded_calls_total{");
  }

  @Test
  @Order(3)
  void probeEndpointProbesForTheOperator() throws Exception {
    String generation =
        kubectl.succeed("get", "intg", "pets", "-o", "jsonpath={.metadata.generation}");

    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(executorUrl + "/v1/namespaces/default/integrations/pets/probe"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"generation\": " + generation + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("observedGeneration").asText()).isEqualTo(generation);
    assertThat(body.get("outcome"))
        .isEqualTo(
            JSON.readTree(
                "{\"reason\": \"ProbeSucceeded\", \"message\": \"GET %s/health returned 200 OK.\","
                        .formatted(nginx.apiUrl())
                    + " \"connected\": true}"));
    assertThat(body.get("lastProbe").get("response").get("status").asInt()).isEqualTo(200);
  }

  @Test
  @Order(4)
  void unreadyGatewayTurnsConnectedFalseUntilReadyAgain() throws Exception {
    setEndpointReady(false);
    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () -> assertThat(condition("Connected", "reason")).isEqualTo("GatewayUnavailable"));
    String message = condition("Connected", "message");
    HttpResponse<String> call =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        executorUrl + "/v1/namespaces/default/integrations/pets/tasks/getPet"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"petId\": 1}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    setEndpointReady(true);

    assertThat(message).contains("local");
    assertThat(call.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(call.body()).get("error").asText())
        .contains("Ready is False with reason GatewayUnavailable");
    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(() -> assertThat(condition("Ready", "status")).isEqualTo("True"));
  }

  private static void setEndpointReady(boolean ready) throws Exception {
    kubectl.succeed(
        "patch",
        "endpointslice",
        "integration-operator-gateway-local",
        "--type=json",
        "-p",
        "[{\"op\": \"replace\", \"path\": \"/endpoints/0/conditions/ready\", \"value\": "
            + ready
            + "}]");
  }

  private static String condition(String type, String field) throws Exception {
    return kubectl.succeed(
        "get",
        "intg",
        "pets",
        "-o",
        "jsonpath={.status.conditions[?(@.type==\"" + type + "\")]." + field + "}");
  }

  private static String get(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(executorUrl + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String manifests(String serverUrl) {
    return """
        apiVersion: integration-operator.io/v1alpha1
        kind: IntegrationModel
        metadata:
          name: pets
        spec:
          document: |
            openapi: 3.0.3
            info: {title: Pets, version: "1"}
            servers: [{url: "%s"}]
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
        ---
        apiVersion: integration-operator.io/v1alpha1
        kind: Integration
        metadata:
          name: pets
        spec:
          modelRef: {name: pets}
          authentication:
            basic: {secretRef: {name: login}}
          probe: {path: /health, interval: 10s}
          gateway: {executionMode: ClusterNoProxy}
        """
        .formatted(serverUrl);
  }
}
