package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskParameter;
import io.integrationoperator.client.envelope.ResponseEnvelopes;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.token.TokenCaches;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntegrationClientTest {

  private final MockWebServer server = new MockWebServer();
  private final HttpClientFactory clients = new HttpClientFactory();
  private String baseUrl;

  @BeforeEach
  void startServer() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    baseUrl = "http://127.0.0.1:" + server.getPort() + "/api/v3";
  }

  @AfterEach
  void stopServer() {
    clients.close();
    server.close();
  }

  private CallResult probe(ConnectionSettingsBuilder settings) {
    return new IntegrationClient(settings.build(), clients).probe();
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request received by the mock server").isNotNull();
    return request;
  }

  private void enqueueJson(int code, String json) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(json)
            .build());
  }

  @Test
  void probeGetsBaseUrlByDefault() throws InterruptedException {
    enqueueJson(200, "{\"name\":\"api\"}");

    CallResult result = probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.failure()).isEmpty();
    assertThat(result.error()).isEmpty();
    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/api/v3");
  }

  @Test
  void probeGetsProbePathBelowBasePath() throws InterruptedException {
    enqueueJson(200, "{}");

    probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl + "/").probePath("/health"));

    assertThat(takeRequest().getTarget()).isEqualTo("/api/v3/health");
  }

  @Test
  void basicHeaderIsExactUtf8Encoding() throws InterruptedException {
    enqueueJson(200, "{}");

    probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl).basic("alice", "pässwörd€"));

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("alice:pässwörd€".getBytes(StandardCharsets.UTF_8));
    assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo(expected);
  }

  @Test
  void bearerHeaderIsSent() throws InterruptedException {
    enqueueJson(200, "{}");

    probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl).bearer("abc.def.ghi"));

    assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer abc.def.ghi");
  }

  @Test
  void apiKeyHeaderIsSent() throws InterruptedException {
    enqueueJson(200, "{}");

    probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl).apiKey("header", "X-API-Key", "k-123"));

    RecordedRequest request = takeRequest();
    assertThat(request.getHeaders().get("X-API-Key")).isEqualTo("k-123");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void apiKeyQueryIsMaskedInEnvelope() throws InterruptedException {
    enqueueJson(200, "{}");

    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(baseUrl)
                .probePath("/pet?status=sold")
                .apiKey("query", "api_key", "k-secret"));

    assertThat(takeRequest().getTarget()).isEqualTo("/api/v3/pet?status=sold&api_key=k-secret");
    assertThat(result.envelope().orElseThrow().getUrl())
        .isEqualTo(baseUrl + "/pet?status=sold&api_key=****");
  }

  @Test
  void apiKeyCookieIsSent() throws InterruptedException {
    enqueueJson(200, "{}");

    probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl).apiKey("cookie", "session", "c-123"));

    assertThat(takeRequest().getHeaders().get("Cookie")).isEqualTo("session=c-123");
  }

  @Test
  void envelopeUrlHasNoUserInfo() {
    enqueueJson(200, "{}");
    String withUserInfo = baseUrl.replace("http://", "http://user:secret@");

    CallResult result = probe(ConnectionSettingsBuilder.forBaseUrl(withUserInfo));

    assertThat(result.envelope().orElseThrow().getUrl()).isEqualTo(baseUrl);
  }

  @Test
  void jsonBodyIsParsed() {
    enqueueJson(200, "{\"id\":1,\"name\":\"doggie\"}");

    ResponseEnvelope envelope =
        probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl)).envelope().orElseThrow();

    assertThat(envelope.getBody().get("name").asText()).isEqualTo("doggie");
    assertThat(envelope.getHeaders()).containsEntry("content-type", "application/json");
    assertThat(envelope.getStatusText()).isEqualTo("OK");
  }

  @Test
  void textBodyStaysText() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/plain; charset=utf-8")
            .body("all good")
            .build());

    ResponseEnvelope envelope =
        probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl)).envelope().orElseThrow();

    assertThat(envelope.getBody().isTextual()).isTrue();
    assertThat(envelope.getBody().asText()).isEqualTo("all good");
  }

  @Test
  void largeBodyIsTruncatedAtLimit() {
    String large = "x".repeat((int) ResponseEnvelopes.MAX_BODY_BYTES + 100_000);
    server.enqueue(
        new MockResponse.Builder().addHeader("Content-Type", "text/plain").body(large).build());

    ResponseEnvelope envelope =
        probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl)).envelope().orElseThrow();

    String body = envelope.getBody().asText();
    assertThat(body).startsWith("x".repeat((int) ResponseEnvelopes.MAX_BODY_BYTES) + "\n[");
    assertThat(body).contains("response body truncated");
  }

  @Test
  void errorStatusIsEnvelopeWithoutFailure() {
    enqueueJson(401, "{\"message\":\"no\"}");

    CallResult result = probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl).bearer("wrong"));

    assertThat(result.failure()).isEmpty();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(401);
    assertThat(result.envelope().orElseThrow().getOk()).isFalse();
  }

  @Test
  void redirectIsReportedNotFollowed() {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://127.0.0.2:9/elsewhere")
            .build());

    CallResult result = probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl).bearer("t-123"));

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(302);
    assertThat(result.envelope().orElseThrow().getHeaders())
        .containsEntry("location", "http://127.0.0.2:9/elsewhere");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void slowServerGivesTimeout() {
    server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).build());

    CallResult result =
        probe(ConnectionSettingsBuilder.forBaseUrl(baseUrl).timeout(Duration.ofMillis(300)));

    assertThat(result.failure()).contains(CallFailure.Timeout);
    assertThat(result.error())
        .contains("the call to 127.0.0.1:" + server.getPort() + " timed out after 300ms");
    assertThat(result.envelope()).isEmpty();
    assertThat(result.duration()).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void closedPortGivesConnectionFailed() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }

    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl("http://127.0.0.1:" + closedPort)
                .basic("alice", "pw-secret"));

    assertThat(result.failure()).contains(CallFailure.ConnectionFailed);
    assertThat(result.error())
        .contains("could not connect to 127.0.0.1:" + closedPort + ": connection refused");
    assertThat(result.error().orElseThrow()).doesNotContain("pw-secret");
  }

  @Test
  void invalidAuthenticationSendsNothing() {
    ConnectionSettingsBuilder settings = ConnectionSettingsBuilder.forBaseUrl(baseUrl);
    settings
        .authentication()
        .setOauth2(new io.integrationoperator.api.authentication.OAuth2Authentication());

    CallResult result = probe(settings);

    assertThat(result.failure()).contains(CallFailure.InvalidRequest);
    assertThat(result.error())
        .contains(
            "oauth2 authentication needs a token URL: set spec.authentication.oauth2.tokenUrl, or"
                + " a tokenUrl in the clientCredentials flow of the model's oauth2 scheme");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void invalidBaseUrlGivesInvalidRequest() {
    CallResult result = probe(ConnectionSettingsBuilder.forBaseUrl("ftp://files.example.test"));

    assertThat(result.failure()).contains(CallFailure.InvalidRequest);
    assertThat(result.error())
        .contains("the base URL 'ftp://files.example.test' is not a valid http or https URL");
  }

  @Test
  void probeTaskUsesTaskMethodAndPath() throws InterruptedException {
    enqueueJson(200, "{}");
    Task task =
        new Task(
            "getInventory",
            "GET",
            "/store/inventory",
            List.of(new TaskParameter("verbose", "query", false, "boolean")),
            new Operation());

    CallResult result =
        new IntegrationClient(
                ConnectionSettingsBuilder.forBaseUrl(baseUrl).probeTask("getInventory").build(),
                clients)
            .probe(Optional.of(task));

    assertThat(result.succeeded()).isTrue();
    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/api/v3/store/inventory");
  }

  @Test
  void probeTaskPostSendsEmptyBody() throws InterruptedException {
    enqueueJson(200, "{}");
    Task task = new Task("ping", "POST", "/ping", List.of(), new Operation());

    new IntegrationClient(ConnectionSettingsBuilder.forBaseUrl(baseUrl).build(), clients)
        .probe(Optional.of(task));

    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void probeTaskWithRequiredInputIsRejected() {
    Operation operation = new Operation().requestBody(new RequestBody().required(true));
    Task task =
        new Task(
            "updatePet",
            "PUT",
            "/pet/{petId}",
            List.of(
                new TaskParameter("petId", "path", true, "integer"),
                new TaskParameter("status", "query", true, "string"),
                new TaskParameter("verbose", "query", false, "boolean")),
            operation);

    CallResult result =
        new IntegrationClient(ConnectionSettingsBuilder.forBaseUrl(baseUrl).build(), clients)
            .probe(Optional.of(task));

    assertThat(result.failure()).contains(CallFailure.InvalidRequest);
    assertThat(result.error())
        .contains(
            "the probe task 'updatePet' needs petId, status, request body; choose a task without"
                + " required parameters or set probe.path");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void missingProbeTaskIsRejected() {
    CallResult result =
        new IntegrationClient(
                ConnectionSettingsBuilder.forBaseUrl(baseUrl).probeTask("getInventory").build(),
                clients)
            .probe();

    assertThat(result.failure()).contains(CallFailure.InvalidRequest);
    assertThat(result.error()).contains("the probe task 'getInventory' is not a task of the model");
  }

  @Test
  void bodyAboveLimitFailsWithResponseTooLarge() {
    enqueueJson(200, "{\"name\":\"a body longer than 16 bytes\"}");
    Request request = new Request.Builder().url(baseUrl + "/pets?limit=1").build();

    CallResult result =
        new IntegrationClient(
                ConnectionSettingsBuilder.forBaseUrl(baseUrl).build(),
                clients,
                TokenCaches.shared(),
                16)
            .send(request);

    assertThat(result.envelope()).isEmpty();
    assertThat(result.failure()).contains(CallFailure.ResponseTooLarge);
    assertThat(result.error())
        .contains(
            "The response of GET "
                + baseUrl
                + "/pets?limit=1 has a body longer than the limit of 16 bytes; request less data"
                + " or raise the limit (the executor's --max-response-body-size).");
  }

  @Test
  void bodyWithinLimitIsReturnedWhole() {
    enqueueJson(200, "{\"id\":1}");
    Request request = new Request.Builder().url(baseUrl + "/pets").build();

    CallResult result =
        new IntegrationClient(
                ConnectionSettingsBuilder.forBaseUrl(baseUrl).build(),
                clients,
                TokenCaches.shared(),
                8)
            .send(request);

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getBody().toString()).isEqualTo("{\"id\":1}");
  }
}
