package io.integrationoperator.client.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.client.token.TokenRequestException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamicKeySourceTest {

  private static final String PASSWORD = "s3cret-Pass";
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void startServer() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private HttpUrl url(String path) {
    return HttpUrl.get("http://127.0.0.1:" + server.getPort() + path);
  }

  private void enqueue(int code, String contentType, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", contentType)
            .body(body)
            .build());
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request received by the mock server").isNotNull();
    return request;
  }

  private static KeyRequest keyRequest(
      String method, HttpUrl url, String pointer, String contentType, KeyParameter... parameters) {
    return new KeyRequest(method, url, pointer, contentType, List.of(parameters));
  }

  private static KeyRequest login(HttpUrl url) {
    return keyRequest(
        "POST",
        url,
        "/token",
        KeyRequest.JSON,
        new KeyParameter("name", ParameterLocation.Body, "root"),
        new KeyParameter("password", ParameterLocation.Body, PASSWORD));
  }

  private DynamicKeySource source(KeyRequest request) {
    return new DynamicKeySource(
        request,
        client,
        CredentialRedaction.of(Map.of("parameter.password", PASSWORD)),
        key -> {},
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private TokenRequestException failure(KeyRequest request) {
    try {
      source(request).request(Optional.empty());
    } catch (TokenRequestException e) {
      return e;
    }
    throw new AssertionError("the key request was expected to fail");
  }

  @Test
  void sendsBodyParametersAsJsonObject() throws Exception {
    enqueue(200, "application/json", "{\"token\":\"key-123\"}");

    Token token = source(login(url("/v3/auth/authenticate"))).request(Optional.empty());

    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v3/auth/authenticate");
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(request.getBody().utf8())
        .isEqualTo("{\"name\":\"root\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(token.value()).isEqualTo("key-123");
    assertThat(token.type()).isEmpty();
    assertThat(token.obtainedAt()).isEqualTo(NOW);
    assertThat(token.expiresAt()).isEmpty();
  }

  @Test
  void sendsFormWhenContentTypeIsForm() throws Exception {
    enqueue(200, "application/json", "{\"token\":\"key-123\"}");
    KeyRequest request =
        keyRequest(
            "POST",
            url("/login"),
            "/token",
            KeyRequest.FORM,
            new KeyParameter("user name", ParameterLocation.Body, "ali ce"),
            new KeyParameter("password", ParameterLocation.Body, "a&b=c"));

    source(request).request(Optional.empty());

    RecordedRequest recorded = takeRequest();
    assertThat(recorded.getHeaders().get("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded");
    assertThat(recorded.getBody().utf8()).isEqualTo("user+name=ali+ce&password=a%26b%3Dc");
  }

  @Test
  void placesHeaderAndQueryParameters() throws Exception {
    enqueue(200, "application/json", "{\"token\":\"key-123\"}");
    KeyRequest request =
        keyRequest(
            "GET",
            url("/login?tenant=a"),
            "/token",
            KeyRequest.JSON,
            new KeyParameter("X-Client-Id", ParameterLocation.Header, "client-7"),
            new KeyParameter("secret", ParameterLocation.Query, PASSWORD));

    source(request).request(Optional.empty());

    RecordedRequest recorded = takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    assertThat(recorded.getTarget()).isEqualTo("/login?tenant=a&secret=" + PASSWORD);
    assertThat(recorded.getHeaders().get("X-Client-Id")).isEqualTo("client-7");
    assertThat(recorded.getBodySize()).isZero();
  }

  @Test
  void sendsEmptyObjectWithoutBodyParameters() throws Exception {
    enqueue(200, "application/json", "{\"token\":\"key-123\"}");

    source(keyRequest("POST", url("/login"), "/token", KeyRequest.JSON)).request(Optional.empty());

    assertThat(takeRequest().getBody().utf8()).isEqualTo("{}");
  }

  @Test
  void readsNestedPointerAndNumber() throws Exception {
    enqueue(200, "application/json", "{\"data\":{\"keys\":[{\"id\":42}]}}");

    Token token =
        source(keyRequest("POST", url("/login"), "/data/keys/0/id", KeyRequest.JSON))
            .request(Optional.empty());

    assertThat(token.value()).isEqualTo("42");
  }

  @Test
  void acceptsJsonWithoutJsonContentType() throws Exception {
    enqueue(200, "text/plain", "{\"token\":\"key-123\"}");

    Token token = source(login(url("/login"))).request(Optional.empty());

    assertThat(token.value()).isEqualTo("key-123");
  }

  @Test
  void non2xxAnswerCarriesEnvelope() {
    enqueue(401, "application/json", "{\"error\":\"invalid credentials\"}");

    TokenRequestException e = failure(login(url("/login")));

    assertThat(e.getMessage()).isEqualTo("the key request POST " + url("/login") + " returned 401");
    ResponseEnvelope envelope = e.envelope().orElseThrow();
    assertThat(envelope.getMethod()).isEqualTo("POST");
    assertThat(envelope.getUrl()).isEqualTo(url("/login").toString());
    assertThat(envelope.getStatus()).isEqualTo(401);
    assertThat(envelope.getOk()).isFalse();
    assertThat(envelope.getBody().path("error").asText()).isEqualTo("invalid credentials");
  }

  @Test
  void missingPointerCarriesEnvelope() {
    enqueue(200, "application/json", "{\"access\":\"elsewhere\"}");

    TokenRequestException e = failure(login(url("/login")));

    assertThat(e.getMessage())
        .isEqualTo("the key request POST " + url("/login") + " returned no value at /token");
    assertThat(e.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(e.envelope().orElseThrow().getBody().path("access").asText()).isEqualTo("elsewhere");
  }

  @Test
  void nonJsonBodyCarriesEnvelope() {
    enqueue(200, "text/html", "<html>login page</html>");

    TokenRequestException e = failure(login(url("/login")));

    assertThat(e.getMessage())
        .isEqualTo("the key request POST " + url("/login") + " returned a body that is not JSON");
    assertThat(e.envelope().orElseThrow().getBody().asText()).isEqualTo("<html>login page</html>");
  }

  @Test
  void objectAtPointerIsRejected() {
    enqueue(200, "application/json", "{\"token\":{\"value\":\"k\"}}");

    TokenRequestException e = failure(login(url("/login")));

    assertThat(e.getMessage()).endsWith("returned a JSON object at /token");
  }

  @Test
  void emptyKeyIsRejected() {
    enqueue(200, "application/json", "{\"token\":\"\"}");

    TokenRequestException e = failure(login(url("/login")));

    assertThat(e.getMessage()).endsWith("returned an empty value at /token");
  }

  @Test
  void masksCredentialsInEnvelopeAndMessage() {
    enqueue(400, "application/json", "{\"error\":\"bad password " + PASSWORD + "\"}");
    KeyRequest request =
        keyRequest(
            "POST",
            url("/login"),
            "/token",
            KeyRequest.JSON,
            new KeyParameter("password", ParameterLocation.Query, PASSWORD));

    TokenRequestException e = failure(request);

    assertThat(e.getMessage())
        .isEqualTo("the key request POST " + url("/login") + "?password=**** returned 400");
    ResponseEnvelope envelope = e.envelope().orElseThrow();
    assertThat(envelope.getUrl()).isEqualTo(url("/login") + "?password=****");
    assertThat(envelope.getBody().path("error").asText()).isEqualTo("bad password ****");
  }

  @Test
  void rejectedKeyHasNoEnvelope() {
    enqueue(200, "application/json", "{\"token\":\"line\\nbreak\"}");
    DynamicKeySource source =
        new DynamicKeySource(
            login(url("/login")),
            client,
            CredentialRedaction.of(Map.of()),
            key -> {
              throw new InvalidSettingsException("the key contains a line break");
            },
            Clock.systemUTC());

    assertThatThrownBy(() -> source.request(Optional.empty()))
        .isInstanceOfSatisfying(
            TokenRequestException.class, e -> assertThat(e.envelope()).isEmpty())
        .hasMessage(
            "the key request POST "
                + url("/login")
                + " returned a key that API requests cannot carry: the key contains a line"
                + " break")
        .hasMessageNotContaining("line\nbreak");
  }

  @Test
  void unreachableEndpointRaisesWithoutEnvelope() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    HttpUrl closed = HttpUrl.get("http://127.0.0.1:" + closedPort + "/login");

    TokenRequestException e = failure(login(closed));

    assertThat(e.envelope()).isEmpty();
    assertThat(e.getMessage()).startsWith("the key request POST " + closed + " failed: ");
  }

  @Test
  void toStringLeavesValuesOut() {
    String text = source(login(url("/login"))).toString();

    assertThat(text).doesNotContain(PASSWORD).contains("name=password", "value=****");
  }
}
