package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.operator.OperatorFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization code procedure through the operator: the status shows the authorization URL
 * until an administrator stores a code in the Secret, and the code is then exchanged once.
 */
@EnableKubernetesMockClient(crud = true)
class AuthorizationCodeIT {

  private static final String NAMESPACE = "code";
  private static final String CODE = "code-from-redirect";
  private static final String ACCESS_TOKEN = "access-token-for-code";

  static KubernetesClient client;
  static OperatorFixture operator;
  static HttpServer server;
  static final List<String> tokenRequests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oauth/token", AuthorizationCodeIT::token);
    server.createContext("/api", AuthorizationCodeIT::api);
    server.start();
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    server.stop(0);
  }

  @Test
  void statusShowsAuthorizationUrlUntilCodeIsStored() {
    client.resource(OperatorFixture.inlineModel(NAMESPACE, "api-model", document())).create();
    client
        .resource(OperatorFixture.secret(NAMESPACE, "oauth", Map.of("clientId", "operator-client")))
        .create();
    client
        .resource(
            OperatorFixture.integration(
                NAMESPACE,
                "api",
                "api-model",
                spec -> {
                  OAuth2Authentication oauth2 = new OAuth2Authentication();
                  oauth2.setGrantType(OAuth2GrantType.AuthorizationCode);
                  oauth2.setRedirectUri("https://admin.example.test/callback");
                  oauth2.setScopes(List.of("read"));
                  oauth2.setSecretRef(new LocalObjectReference("oauth"));
                  Authentication auth = new Authentication();
                  auth.setOauth2(oauth2);
                  spec.setAuthentication(auth);
                }))
        .create();

    Integration waiting =
        operator.awaitIntegrationCondition(
            NAMESPACE, "api", "Connected", "False", "TokenRequestFailed");

    HttpUrl link = HttpUrl.get(waiting.getStatus().getToken().getAuthorizationUrl());
    assertThat(link.toString()).startsWith(url() + "/oauth/authorize?");
    assertThat(link.queryParameter("response_type")).isEqualTo("code");
    assertThat(link.queryParameter("client_id")).isEqualTo("operator-client");
    assertThat(link.queryParameter("redirect_uri"))
        .isEqualTo("https://admin.example.test/callback");
    assertThat(link.queryParameter("scope")).isEqualTo("read");
    assertThat(link.queryParameter("state")).isNotBlank();
    assertThat(OperatorFixture.condition(waiting.getStatus().getConditions(), "Connected"))
        .hasValueSatisfying(
            condition -> assertThat(condition.getMessage()).contains("open " + link + " as an"));
    assertThat(tokenRequests).isEmpty();

    Secret secret = client.secrets().inNamespace(NAMESPACE).withName("oauth").get();
    secret.setData(
        Map.of("clientId", encode("operator-client"), "authorizationCode", encode(CODE)));
    client.resource(secret).update();

    Integration connected =
        operator.awaitIntegrationCondition(NAMESPACE, "api", "Connected", "True", "ProbeSucceeded");

    assertThat(connected.getStatus().getToken().getAuthorizationUrl()).isNull();
    assertThat(connected.getStatus().getToken().getObtainedAt()).isNotBlank();
    Secret tokenSecret = client.secrets().inNamespace(NAMESPACE).withName("api-token").get();
    assertThat(tokenSecret.getMetadata().getAnnotations())
        .containsKey(SecretTokenStore.USED_CODE_ANNOTATION)
        .doesNotContainValue(CODE);
    assertThat(tokenRequests).hasSize(1);
    assertThat(tokenRequests.get(0))
        .contains("grant_type=authorization_code")
        .contains("code=" + CODE)
        .contains("client_id=operator-client");
  }

  private static String document() {
    return """
        openapi: 3.0.3
        info: {title: Code, version: "1"}
        servers: [{url: "%1$s/api"}]
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                authorizationCode:
                  authorizationUrl: %1$s/oauth/authorize
                  tokenUrl: %1$s/oauth/token
                  scopes: {read: read access}
        paths:
          /items:
            get: {operationId: listItems, responses: {'200': {description: ok}}}
        """
        .formatted(url());
  }

  private static void token(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    tokenRequests.add(body);
    boolean valid = body.contains("code=" + CODE);
    respond(
        exchange,
        valid ? 200 : 400,
        valid
            ? "{\"access_token\":\""
                + ACCESS_TOKEN
                + "\",\"token_type\":\"bearer\",\"expires_in\":300}"
            : "{\"error\":\"invalid_grant\"}");
  }

  private static void api(HttpExchange exchange) throws IOException {
    boolean valid =
        ("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    respond(exchange, valid ? 200 : 401, valid ? "{\"status\":\"UP\"}" : "{}");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
