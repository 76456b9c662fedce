package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.authentication.BearerAuthentication;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.client.token.TokenCaches;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes a loopback server that echoes the request's headers and URI in its body and headers, and
 * checks that no credential the probe sent reaches status.lastProbe.
 */
class ProbeRedactionTest {
  private static final String USERNAME = "alice-user";
  private static final String PASSWORD = "s3cr3t pass/word";
  private static final String TOKEN = "tok-abc.def-123";
  private static final String API_KEY = "key+with/special";

  private static HttpServer server;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Map<String, Object> headers = new LinkedHashMap<>();
          Map<String, Object> valuesAsKeys = new LinkedHashMap<>();
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) -> {
                    headers.put(name, String.join(", ", values));
                    valuesAsKeys.put(String.join(", ", values), name);
                  });
          Map<String, Object> echo = new LinkedHashMap<>();
          echo.put("uri", exchange.getRequestURI().toString());
          echo.put("headers", headers);
          echo.put("valuesAsKeys", valuesAsKeys);
          echo.put("list", List.of(headers));
          byte[] body = Serialization.asJson(echo).getBytes(StandardCharsets.UTF_8);
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          if (authorization != null) {
            exchange.getResponseHeaders().set("X-Echo-Authorization", authorization);
          }
          exchange.getResponseHeaders().set("X-Echo-Uri", exchange.getRequestURI().toString());
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void basicCredentialsAreMasked() {
    Authentication authentication = new Authentication();
    authentication.setBasic(new BasicAuthentication());
    SecuritySchemeInfo scheme =
        new SecuritySchemeInfo("basicAuth", "http", Map.of("scheme", "basic"));

    ProbeResult result =
        probe(authentication, scheme, Map.of("username", USERNAME, "password", PASSWORD));

    JsonNode body = result.getResponse().getBody();
    assertThat(body.at("/headers/Authorization").asText()).isEqualTo("Basic ****");
    assertThat(body.at("/list/0/Authorization").asText()).isEqualTo("Basic ****");
    assertThat(body.at("/valuesAsKeys").has("Basic ****")).isTrue();
    assertThat(header(result, "X-echo-authorization")).isEqualTo("Basic ****");
    assertNoCredentialIn(result, USERNAME, PASSWORD, base64(USERNAME + ":" + PASSWORD));
  }

  @Test
  void bearerTokenIsMasked() {
    Authentication authentication = new Authentication();
    authentication.setBearer(new BearerAuthentication());
    SecuritySchemeInfo scheme =
        new SecuritySchemeInfo("bearerAuth", "http", Map.of("scheme", "bearer"));

    ProbeResult result = probe(authentication, scheme, Map.of("token", TOKEN));

    JsonNode body = result.getResponse().getBody();
    assertThat(body.at("/headers/Authorization").asText()).isEqualTo("Bearer ****");
    assertThat(body.at("/valuesAsKeys").has("Bearer ****")).isTrue();
    assertThat(header(result, "X-echo-authorization")).isEqualTo("Bearer ****");
    assertNoCredentialIn(result, TOKEN);
  }

  @Test
  void apiKeyHeaderIsMasked() {
    Authentication authentication = new Authentication();
    authentication.setApiKey(new ApiKeyAuthentication());
    SecuritySchemeInfo scheme =
        new SecuritySchemeInfo("api_key", "apiKey", Map.of("in", "header", "name", "X-Api-Key"));

    ProbeResult result = probe(authentication, scheme, Map.of("apiKey", API_KEY));

    JsonNode body = result.getResponse().getBody();
    assertThat(body.at("/headers/X-api-key").asText()).isEqualTo("****");
    assertThat(body.at("/valuesAsKeys/****").asText()).isEqualTo("X-api-key");
    assertNoCredentialIn(result, API_KEY);
  }

  @Test
  void apiKeyQueryParameterIsMasked() {
    Authentication authentication = new Authentication();
    authentication.setApiKey(new ApiKeyAuthentication());
    SecuritySchemeInfo scheme =
        new SecuritySchemeInfo("api_key", "apiKey", Map.of("in", "query", "name", "api_key"));

    ProbeResult result = probe(authentication, scheme, Map.of("apiKey", API_KEY));

    JsonNode body = result.getResponse().getBody();
    assertThat(body.at("/uri").asText()).isEqualTo("/api?api_key=****");
    assertThat(header(result, "X-echo-uri")).isEqualTo("/api?api_key=****");
    assertNoCredentialIn(result, API_KEY, "key%2Bwith/special", "key%2Bwith%2Fspecial");
  }

  private static ProbeResult probe(
      Authentication authentication, SecuritySchemeInfo scheme, Map<String, String> credentials) {
    IntegrationSpec spec = new IntegrationSpec();
    spec.setAuthentication(authentication);
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    ConnectionSettings settings =
        new ConnectionSettings(
            new IntegrationId("default", "redaction-test"),
            baseUrl,
            spec,
            Optional.of(scheme),
            credentials,
            Optional.empty(),
            Duration.ofSeconds(5));

    ConnectionProbe.Result result =
        ConnectionProbe.run(settings, Optional.empty(), TokenCaches.shared());

    assertThat(result.lastProbe().getResponse()).isNotNull();
    assertThat(result.lastProbe().getResponse().getStatus()).isEqualTo(200);
    return result.lastProbe();
  }

  /** Returns a response header by name, ignoring case as HTTP does. */
  private static String header(ProbeResult result, String name) {
    return result.getResponse().getHeaders().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static void assertNoCredentialIn(ProbeResult result, String... credentials) {
    String status = Serialization.asJson(result);
    for (String credential : credentials) {
      assertThat(status).as("status contains %s", credential).doesNotContain(credential);
    }
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
