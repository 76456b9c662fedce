package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Calls tasks through the executor of local mode: the model, Secret and Integration are created
 * with the real kubectl, and the Integration points at a real nginx with Basic authentication. The
 * tests check what nginx received and what the executor answered.
 */
@Tag("real-server")
@TestMethodOrder(OrderAnnotation.class)
class LocalModeExecutorIT {

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
                assertThat(kubectl.succeed("get", "intg", "pets"))
                    .containsPattern("pets\\s+pets\\s+\\S+\\s+True\\s+Ready"));
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
  void taskCallReturnsEnvelopeAndSendsBasicAuth() throws Exception {
    int requestsBefore = nginx.settledAccessLogSize();

    HttpResponse<String> answer =
        post("pets", "getPet", "{\"parameters\": {\"petId\": 1}}", "Bearer caller-token");

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode envelope = JSON.readTree(answer.body());
    assertThat(envelope.get("ok").asBoolean()).isTrue();
    assertThat(envelope.get("method").asText()).isEqualTo("GET");
    assertThat(envelope.get("url").asText()).isEqualTo(nginx.apiUrl() + "/pet/1");
    assertThat(envelope.get("status").asInt()).isEqualTo(200);
    assertThat(envelope.get("body")).isEqualTo(JSON.readTree(NginxServer.PET_JSON));
    AccessLogEntry received = requestAfter(requestsBefore, "/api/v3/pet/1");
    assertThat(received.method()).isEqualTo("GET");
    assertThat(received.remoteUser()).isEqualTo("alice");
    // The caller's own bearer token stays with the executor.
    assertThat(received.authorization()).isEqualTo(BASIC_ALICE);
  }

  @Test
  @Order(2)
  void serverNotFoundIsEnvelopeWithOkFalse() throws Exception {
    int requestsBefore = nginx.settledAccessLogSize();

    HttpResponse<String> answer = post("pets", "getPet", "{\"parameters\": {\"petId\": 2}}", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode envelope = JSON.readTree(answer.body());
    assertThat(envelope.get("ok").asBoolean()).isFalse();
    assertThat(envelope.get("status").asInt()).isEqualTo(404);
    assertThat(envelope.get("statusText").asText()).isEqualTo("Not Found");
    assertThat(envelope.get("body")).isEqualTo(JSON.readTree(NginxServer.NOT_FOUND_JSON));
    assertThat(requestAfter(requestsBefore, "/api/v3/pet/2").status()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void pathValueStaysOneSegment() throws Exception {
    int requestsBefore = nginx.settledAccessLogSize();

    HttpResponse<String> answer =
        post("pets", "getFile", "{\"parameters\": {\"fileName\": \"a/health?x#y\"}}", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(404);
    assertThat(requestAfter(requestsBefore, "/api/v3/files/a%2Fhealth%3Fx%23y").status())
        .isEqualTo(404);
  }

  @Test
  @Order(3)
  void dotSegmentPathValueIsRejected() throws Exception {
    int requestsBefore = nginx.settledAccessLogSize();

    HttpResponse<String> answer =
        post(
            "pets",
            "getFile",
            "{\"parameters\": {\"fileName\": \"../../../public/health\"}}",
            null);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("reason").asText()).isEqualTo("InvalidParameter");
    assertThat(nginx.accessLog()).hasSize(requestsBefore);
  }

  @Test
  @Order(4)
  void missingRequiredParameterIsBadRequest() throws Exception {
    int requestsBefore = nginx.settledAccessLogSize();

    HttpResponse<String> answer = post("pets", "getPet", "{\"parameters\": {}}", null);

    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("reason").asText()).isEqualTo("MissingParameter");
    assertThat(error.get("error").asText()).contains("petId");
    assertThat(nginx.accessLog()).hasSize(requestsBefore);
  }

  @Test
  @Order(5)
  void malformedJsonIsBadRequest() throws Exception {
    HttpResponse<String> answer = post("pets", "getPet", "{\"parameters\": ", null);

    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("reason").asText()).isEqualTo("InvalidJson");
    assertThat(error.get("error").asText())
        .startsWith("The request body is not valid JSON at line 1");
  }

  @Test
  @Order(6)
  void unknownIntegrationAndTaskAreNotFound() throws Exception {
    HttpResponse<String> integration = post("cats", "getPet", "{}", null);
    HttpResponse<String> task = post("pets", "deletePet", "{}", null);

    assertThat(integration.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(integration.body()).get("reason").asText())
        .isEqualTo("IntegrationNotFound");
    assertThat(task.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(task.body()).get("reason").asText()).isEqualTo("TaskNotFound");
  }

  @Test
  @Order(7)
  void taskListShowsParameters() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(executorUrl + "/v1/namespaces/default/integrations/pets/tasks"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode task = JSON.readTree(answer.body()).get("tasks").get(0);
    assertThat(task.get("name").asText()).isEqualTo("getPet");
    assertThat(task.get("method").asText()).isEqualTo("GET");
    assertThat(task.get("path").asText()).isEqualTo("/pet/{petId}");
    assertThat(task.get("parameters"))
        .isEqualTo(
            JSON.readTree(
                "[{\"name\":\"petId\",\"location\":\"path\",\"required\":true,"
                    + "\"type\":\"integer\"}]"));
  }

  @Test
  @Order(8)
  void integrationWithoutSecretIsConflict() throws Exception {
    Path manifest =
        Files.writeString(
            directory.resolve("broken.yaml"),
            """
            apiVersion: integration-operator.io/v1alpha1
            kind: Integration
            metadata:
              name: broken
            spec:
              modelRef: {name: pets}
              authentication:
                basic: {secretRef: {name: missing-login}}
            """);
    kubectl.succeed("apply", "-f", manifest.toString());
    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(kubectl.succeed("get", "intg", "broken"))
                    .containsPattern("broken\\s+pets\\s+\\S*\\s*False\\s+SecretNotFound"));

    HttpResponse<String> answer =
        post("broken", "getPet", "{\"parameters\": {\"petId\": 1}}", null);

    assertThat(answer.statusCode()).isEqualTo(409);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("reason").asText()).isEqualTo("IntegrationNotReady");
    assertThat(error.get("error").asText())
        .startsWith("Integration broken is not ready: Ready is False with reason SecretNotFound");
  }

  /**
   * Returns the first request for {@code uri} that nginx logged after its first {@code before}
   * entries. nginx writes a log entry after sending the response, and the operator's probes add
   * entries of their own, so the last entry right after a call can be another request.
   */
  private static AccessLogEntry requestAfter(int before, String uri) {
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                nginx.accessLog().stream()
                    .skip(before)
                    .filter(entry -> entry.uri().equals(uri))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static HttpResponse<String> post(
      String integration, String task, String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    executorUrl
                        + "/v1/namespaces/default/integrations/"
                        + integration
                        + "/tasks/"
                        + task))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
            info: {title: Pets, version: "2"}
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
              /files/{fileName}:
                get:
                  operationId: getFile
                  parameters:
                    - {name: fileName, in: path, required: true, schema: {type: string}}
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
          probe: {path: /health}
        """
        .formatted(serverUrl);
  }
}
