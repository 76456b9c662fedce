package io.integrationoperator.operator.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.Server;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.operator.OperatorFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the projected Secret follows its source when credentials disappear and return. */
@EnableKubernetesMockClient(crud = true)
class CredentialRevocationIT {
  static KubernetesClient client;
  static OperatorFixture operator;

  private static final String NAMESPACE = "revoke";
  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: Revoke, version: "1"}
      components:
        securitySchemes:
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
  void projectedSecretFollowsRemovedKey() {
    client.resource(OperatorFixture.inlineModel(NAMESPACE, "api", DOCUMENT)).create();
    client.resource(login(Map.of("username", "automation", "password", "first"))).create();
    client
        .resource(
            OperatorFixture.integration(
                NAMESPACE,
                "api",
                "api",
                spec -> {
                  Server server = new Server();
                  server.setProtocol(ServerProtocol.http);
                  server.setHost("127.0.0.1");
                  server.setPort(9);
                  spec.setServer(server);
                  Authentication authentication = new Authentication();
                  BasicAuthentication basic = new BasicAuthentication();
                  basic.setSecretRef(new LocalObjectReference("login"));
                  authentication.setBasic(basic);
                  spec.setAuthentication(authentication);
                }))
        .create();
    awaitProjected(true);

    client
        .secrets()
        .inNamespace(NAMESPACE)
        .withName("login")
        .edit(
            secret -> {
              secret.getData().remove("password");
              return secret;
            });

    Integration revoked =
        operator.awaitIntegrationCondition(
            NAMESPACE, "api", "CredentialsResolved", "False", "SecretKeyNotFound");
    assertThat(revoked.getStatus().getCredentialsSecret()).isNull();
    awaitProjected(false);

    client.resource(login(Map.of("username", "automation", "password", "second"))).update();

    Integration restored =
        operator.awaitIntegrationCondition(
            NAMESPACE, "api", "CredentialsResolved", "True", "CredentialsResolved");
    assertThat(restored.getStatus().getCredentialsSecret()).isEqualTo("api-credentials");
    Secret projected = awaitProjected(true);
    assertThat(projected.getData()).containsKeys("username", "password");
  }

  private static Secret login(Map<String, String> values) {
    Map<String, String> data = new HashMap<>();
    values.forEach(
        (key, value) ->
            data.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(NAMESPACE)
        .withName("login")
        .endMetadata()
        .withData(data)
        .build();
  }

  private static Secret awaitProjected(boolean present) {
    await().atMost(OperatorFixture.REACTION_TIMEOUT).until(() -> (projected() != null) == present);
    return projected();
  }

  private static Secret projected() {
    return client.secrets().inNamespace(NAMESPACE).withName("api-credentials").get();
  }
}
