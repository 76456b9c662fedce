package io.integrationoperator.operator.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.Server;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.api.integration.TokenState;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.operator.OperatorFixture;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the token Secret's life cycle and the token state in the Integration's status. */
@EnableKubernetesMockClient(crud = true)
class TokenSecretIT {
  static KubernetesClient client;
  static OperatorFixture operator;

  private static final String NAMESPACE = "tokens";
  private static final String MARKER = "token-marker-7f3a";
  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: Tokens, version: "1"}
      components:
        securitySchemes:
          oauth:
            type: oauth2
            flows:
              clientCredentials: {tokenUrl: "http://127.0.0.1:9/token", scopes: {}}
          basicAuth: {type: http, scheme: basic}
      paths:
        /ping:
          get: {operationId: ping, responses: {'200': {description: ok}}}
      """;

  @BeforeAll
  static void start() throws Exception {
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
  }

  @Test
  void tokenSecretFollowsAuthenticationMethod() {
    client.resource(OperatorFixture.inlineModel(NAMESPACE, "api", DOCUMENT)).create();
    client
        .resource(
            OperatorFixture.secret(
                NAMESPACE,
                "client",
                Map.of(
                    "clientId", "automation",
                    "clientSecret", "s3cret",
                    "username", "automation",
                    "password", "s3cret")))
        .create();
    client.resource(integration(oauth2())).create();

    Secret created = awaitTokenSecret(true);
    assertThat(created.getMetadata().getLabels())
        .containsEntry("integration-operator.io/integration", "api");
    assertThat(created.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getName()).isEqualTo("api"));

    Instant obtained = Instant.parse("2026-12-01T10:00:00Z");
    new SecretTokenStore(client, new IntegrationId(NAMESPACE, "api"), "executor-1")
        .save(
            new Token(
                MARKER,
                Optional.of("Bearer"),
                obtained,
                Optional.of(obtained.plusSeconds(3600)),
                Optional.of(MARKER + "-refresh")));

    TokenState state =
        await()
            .atMost(OperatorFixture.REACTION_TIMEOUT)
            .until(
                () -> integration().getStatus().getToken(),
                token -> token != null && token.getObtainedAt() != null);
    assertThat(state.getObtainedAt()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(state.getExpiresAt()).isEqualTo("2026-12-01T11:00:00Z");
    assertThat(Serialization.asJson(integration().getStatus())).doesNotContain(MARKER);

    client
        .resources(Integration.class)
        .inNamespace(NAMESPACE)
        .withName("api")
        .edit(
            integration -> {
              integration.getSpec().setAuthentication(basic());
              return integration;
            });
    awaitTokenSecret(false);
    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(() -> integration().getStatus().getToken() == null);
  }

  private static Integration integration() {
    return client.resources(Integration.class).inNamespace(NAMESPACE).withName("api").get();
  }

  private static Secret awaitTokenSecret(boolean present) {
    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(() -> (tokenSecret() != null) == present);
    return tokenSecret();
  }

  private static Secret tokenSecret() {
    return client.secrets().inNamespace(NAMESPACE).withName("api-token").get();
  }

  private static Integration integration(Authentication authentication) {
    return OperatorFixture.integration(
        NAMESPACE,
        "api",
        "api",
        spec -> {
          Server server = new Server();
          server.setProtocol(ServerProtocol.http);
          server.setHost("127.0.0.1");
          server.setPort(9);
          spec.setServer(server);
          spec.setAuthentication(authentication);
        });
  }

  private static Authentication oauth2() {
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setGrantType(OAuth2GrantType.ClientCredentials);
    oauth2.setSecretRef(new LocalObjectReference("client"));
    Authentication authentication = new Authentication();
    authentication.setOauth2(oauth2);
    authentication.setScheme("oauth");
    return authentication;
  }

  private static Authentication basic() {
    BasicAuthentication basic = new BasicAuthentication();
    basic.setSecretRef(new LocalObjectReference("client"));
    Authentication authentication = new Authentication();
    authentication.setBasic(basic);
    authentication.setScheme("basicAuth");
    return authentication;
  }
}
