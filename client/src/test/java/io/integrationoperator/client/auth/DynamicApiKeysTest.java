package io.integrationoperator.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenStore;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls a mock server through IntegrationClient with an API key from a key request. */
class DynamicApiKeysTest {

  private final MockWebServer server = new MockWebServer();
  private final HttpClientFactory clients = new HttpClientFactory();
  private final TokenCaches tokens = new TokenCaches(id -> TokenStore.inMemory());
  private String baseUrl;

  @BeforeEach
  void startServer() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    baseUrl = "http://127.0.0.1:" + server.getPort() + "/api";
  }

  @AfterEach
  void stopServer() {
    clients.close();
    server.close();
  }

  private void enqueue(int code, String json) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(json)
            .build());
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request received by the mock server").isNotNull();
    return request;
  }

  /** Settings whose model scheme sends the key {@code in} header, query or cookie as api_key. */
  private ConnectionSettingsBuilder settings(String in) {
    SecuritySchemeInfo scheme =
        new SecuritySchemeInfo(
            "login",
            "apiKey",
            Map.of(
                "in", in,
                "name", "api_key",
                "x-itential-dynamic-retrieval.url", "/login",
                "x-itential-dynamic-retrieval.responsePointer", "/token",
                "x-itential-parameters.password.in", "body",
                "x-itential-parameters.password.x-itential-use-in", "key"));
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(baseUrl).scheme(scheme);
    settings.authentication().setApiKey(new ApiKeyAuthentication());
    AuthenticationParameter password = new AuthenticationParameter();
    password.setName("password");
    password.setValue("pw-1");
    settings.authentication().setParameters(List.of(password));
    return settings;
  }

  private CallResult get(ConnectionSettingsBuilder settings, String path) {
    Request request = new Request.Builder().url(baseUrl + path).build();
    return new IntegrationClient(settings.build(), clients, tokens).send(request);
  }

  @Test
  void keyIsRequestedOnceAndSentInHeader() throws InterruptedException {
    enqueue(200, "{\"token\":\"key-1\"}");
    enqueue(200, "{\"id\":1}");
    enqueue(200, "{\"id\":2}");

    CallResult first = get(settings("header"), "/pet/1");
    CallResult second = get(settings("header"), "/pet/2");

    RecordedRequest login = takeRequest();
    assertThat(login.getMethod()).isEqualTo("POST");
    assertThat(login.getTarget()).isEqualTo("/api/login");
    assertThat(login.getBody().utf8()).isEqualTo("{\"password\":\"pw-1\"}");
    assertThat(takeRequest().getHeaders().get("api_key")).isEqualTo("key-1");
    assertThat(takeRequest().getHeaders().get("api_key")).isEqualTo("key-1");
    assertThat(first.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(second.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void unauthorizedCallGetsOneNewKeyAndOneRetry() throws InterruptedException {
    enqueue(200, "{\"token\":\"key-1\"}");
    enqueue(401, "{\"error\":\"expired\"}");
    enqueue(200, "{\"token\":\"key-2\"}");
    enqueue(200, "{\"id\":1}");

    CallResult result = get(settings("header"), "/pet/1");

    assertThat(takeRequest().getTarget()).isEqualTo("/api/login");
    assertThat(takeRequest().getHeaders().get("api_key")).isEqualTo("key-1");
    assertThat(takeRequest().getTarget()).isEqualTo("/api/login");
    assertThat(takeRequest().getHeaders().get("api_key")).isEqualTo("key-2");
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void secondUnauthorizedAnswerIsReturned() throws InterruptedException {
    enqueue(200, "{\"token\":\"key-1\"}");
    enqueue(401, "{\"error\":\"expired\"}");
    enqueue(200, "{\"token\":\"key-2\"}");
    enqueue(401, "{\"error\":\"forbidden user\"}");

    CallResult result = get(settings("header"), "/pet/1");

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(401);
    assertThat(result.envelope().orElseThrow().getBody().path("error").asText())
        .isEqualTo("forbidden user");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void queryKeyIsMaskedInEnvelope() throws InterruptedException {
    enqueue(200, "{\"token\":\"key-1\"}");
    enqueue(200, "{\"id\":1}");

    CallResult result = get(settings("query"), "/pet/1?status=sold");

    takeRequest();
    assertThat(takeRequest().getTarget()).isEqualTo("/api/pet/1?status=sold&api_key=key-1");
    assertThat(result.envelope().orElseThrow().getUrl())
        .isEqualTo(baseUrl + "/pet/1?status=sold&api_key=****");
  }

  @Test
  void cookieKeyJoinsExistingCookies() throws InterruptedException {
    enqueue(200, "{\"token\":\"key-1\"}");
    enqueue(200, "{\"id\":1}");
    Request request =
        new Request.Builder().url(baseUrl + "/pet/1").header("Cookie", "lang=en").build();

    new IntegrationClient(settings("cookie").build(), clients, tokens).send(request);

    takeRequest();
    assertThat(takeRequest().getHeaders().get("Cookie")).isEqualTo("lang=en; api_key=key-1");
  }

  @Test
  void keyWithLineBreakIsNotSent() throws InterruptedException {
    enqueue(200, "{\"token\":\"key\\r\\nX-Injected: 1\"}");

    CallResult result = get(settings("header"), "/pet/1");

    assertThat(result.failure()).contains(CallFailure.TokenRequestFailed);
    assertThat(result.envelope()).isEmpty();
    assertThat(result.error().orElseThrow())
        .startsWith("the key request POST " + baseUrl + "/login returned a key that API requests")
        .doesNotContain("X-Injected");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void failedKeyRequestIsReportedAsTokenRequestFailed() throws InterruptedException {
    enqueue(403, "{\"error\":\"locked\"}");

    CallResult result = get(settings("header"), "/pet/1");

    assertThat(result.failure()).contains(CallFailure.TokenRequestFailed);
    assertThat(result.error()).contains("the key request POST " + baseUrl + "/login returned 403");
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(403);
    assertThat(result.envelope().orElseThrow().getUrl()).isEqualTo(baseUrl + "/login");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void staticValueWinsOverModelExtension() throws Exception {
    ConnectionSettingsBuilder settings = settings("header").credential("apiKey", "static-key");
    ApiKeyAuthentication apiKey = new ApiKeyAuthentication();
    apiKey.setValue(new SecretValueSource());
    settings.authentication().setApiKey(apiKey);

    RequestAuthenticator authenticator = Authenticators.forSettings(settings.build(), tokens);

    assertThat(authenticator).isInstanceOf(ApiKeyAuthenticator.class);
    assertThat(
            authenticator
                .authenticate(new Request.Builder().url(baseUrl).build())
                .header("api_key"))
        .isEqualTo("static-key");
  }
}
