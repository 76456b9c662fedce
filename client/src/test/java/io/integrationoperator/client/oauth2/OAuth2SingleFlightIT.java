package io.integrationoperator.client.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.KeycloakServer;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sends 100 parallel calls with an expired token and counts the token requests that reach a real
 * Keycloak. The token URL points at a proxy on 127.0.0.1 that this test owns: it counts each POST
 * and forwards its body and its Content-Type, Authorization and Accept headers to Keycloak. The
 * same proxy also serves the API, which returns 200 and records the Authorization header of each
 * call.
 *
 * <p>The realm issues access tokens for {@value #LIFESPAN_SECONDS} s, and each test waits until its
 * first token has expired. A moved clock would not do: the token source stamps tokens with the
 * system clock, so a token obtained after the move would look expired to a cache on the moved
 * clock.
 */
@Tag("real-server")
@EnableKubernetesMockClient(crud = true)
class OAuth2SingleFlightIT {
  private static final int CALLS = 100;
  private static final int LIFESPAN_SECONDS = 15;
  private static final String TOKEN_PATH =
      "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token";

  static KubernetesClient client;
  static KeycloakServer keycloak;
  static HttpServer proxy;
  static HttpClientFactory clients;
  static final AtomicInteger tokenRequests = new AtomicInteger();
  static final Set<String> sentAuthorizations = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    keycloak =
        KeycloakServer.start(
            realm ->
                realm.replace(
                    "\"accessTokenLifespan\": 300",
                    "\"accessTokenLifespan\": " + LIFESPAN_SECONDS));
    clients = new HttpClientFactory();
    HttpClient forwarder = HttpClient.newHttpClient();
    proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext(TOKEN_PATH, exchange -> forwardToken(exchange, forwarder));
    proxy.createContext("/api", OAuth2SingleFlightIT::api);
    proxy.setExecutor(Executors.newFixedThreadPool(8));
    proxy.start();
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.stop(0);
    }
    if (clients != null) {
      clients.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @BeforeEach
  void reset() {
    tokenRequests.set(0);
    sentAuthorizations.clear();
  }

  @Test
  void expiredTokenIsRequestedOnceForHundredCalls() throws Exception {
    TokenCaches tokens = new TokenCaches(id -> TokenStore.inMemory());
    IntegrationClient integration = new IntegrationClient(settings(), clients, tokens);
    assertStatus200(integration.send(apiRequest()));
    Instant firstTokenAt = Instant.now();
    String first = List.copyOf(sentAuthorizations).get(0);
    sentAuthorizations.clear();

    awaitExpiry(firstTokenAt);
    List<CallResult> results = callInParallel(List.of(integration));

    assertThat(tokenRequests).hasValue(2);
    assertThat(results).allSatisfy(OAuth2SingleFlightIT::assertStatus200);
    assertThat(sentAuthorizations).hasSize(1).doesNotContain(first);
  }

  @Test
  void twoReplicasShareOneTokenRequest() throws Exception {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace("default")
                .withName(SecretTokenStore.secretName("test"))
                .endMetadata()
                .build())
        .create();
    TokenCaches replicaA = new TokenCaches(id -> new SecretTokenStore(client, id, "replica-a"));
    TokenCaches replicaB = new TokenCaches(id -> new SecretTokenStore(client, id, "replica-b"));
    IntegrationClient clientA = new IntegrationClient(settings(), clients, replicaA);
    IntegrationClient clientB = new IntegrationClient(settings(), clients, replicaB);
    assertStatus200(clientA.send(apiRequest()));
    assertStatus200(clientB.send(apiRequest()));
    Instant firstTokenAt = Instant.now();
    assertThat(tokenRequests).as("replica B adopts the stored token").hasValue(1);
    sentAuthorizations.clear();

    awaitExpiry(firstTokenAt);
    List<CallResult> results = callInParallel(List.of(clientA, clientB));

    assertThat(tokenRequests).hasValue(2);
    assertThat(results).hasSize(CALLS).allSatisfy(OAuth2SingleFlightIT::assertStatus200);
    assertThat(sentAuthorizations).hasSize(1);
  }

  /** Sleeps until a token obtained before {@code obtainedBefore} has expired. */
  private static void awaitExpiry(Instant obtainedBefore) throws InterruptedException {
    Instant expired = obtainedBefore.plusSeconds(LIFESPAN_SECONDS + 1);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expired).toMillis()));
  }

  /** Starts {@link #CALLS} calls at once, spread over the clients in turn. */
  private static List<CallResult> callInParallel(List<IntegrationClient> integrations)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<CallResult>> futures = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        IntegrationClient integration = integrations.get(i % integrations.size());
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return integration.send(apiRequest());
                }));
      }
      go.countDown();
      List<CallResult> results = new ArrayList<>();
      for (Future<CallResult> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertStatus200(CallResult result) {
    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
  }

  private static ConnectionSettings settings() {
    ConnectionSettingsBuilder builder = ConnectionSettingsBuilder.forBaseUrl(proxyUrl() + "/api");
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setGrantType(OAuth2GrantType.ClientCredentials);
    oauth2.setTokenUrl(proxyUrl() + TOKEN_PATH);
    builder.authentication().setOauth2(oauth2);
    return builder
        .credential(CredentialKeys.CLIENT_ID, "cc-client")
        .credential(CredentialKeys.CLIENT_SECRET, "cc-client-secret")
        .build();
  }

  private static Request apiRequest() {
    return new Request.Builder().url(proxyUrl() + "/api/items").build();
  }

  private static String proxyUrl() {
    return "http://127.0.0.1:" + proxy.getAddress().getPort();
  }

  /** Counts a token request and forwards its method, form body and headers to Keycloak. */
  private static void forwardToken(HttpExchange exchange, HttpClient forwarder) throws IOException {
    tokenRequests.incrementAndGet();
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : List.of("Content-Type", "Authorization", "Accept")) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.header(header, value);
      }
    }
    try {
      HttpResponse<byte[]> response =
          forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      respond(
          exchange,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse("application/json"),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, 502, "text/plain", "interrupted".getBytes());
    }
  }

  private static void api(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    boolean bearer = authorization != null && authorization.startsWith("Bearer ");
    if (bearer) {
      sentAuthorizations.add(authorization);
    }
    respond(exchange, bearer ? 200 : 401, "application/json", "{}".getBytes());
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
