package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.Server;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.operator.OperatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the length limit that the label on generated objects puts on Integration names. */
@EnableKubernetesMockClient(crud = true)
class IntegrationNameIT {
  static KubernetesClient client;
  static OperatorFixture operator;

  private static final String NAMESPACE = "names";
  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: Names, version: "1"}
      paths:
        /ping:
          get: {operationId: ping, responses: {'200': {description: ok}}}
      """;

  @BeforeAll
  static void start() throws Exception {
    operator = OperatorFixture.start(client);
    client.resource(OperatorFixture.inlineModel(NAMESPACE, "api", DOCUMENT)).create();
    operator.awaitModelCondition(NAMESPACE, "api", "Ready", "True", "Ready");
  }

  @AfterAll
  static void stop() {
    operator.close();
  }

  @Test
  void nameOverLabelLimitIsInvalid() {
    String name = "n".repeat(64);
    createIntegration(name);

    Integration integration =
        operator.awaitIntegrationCondition(NAMESPACE, name, "SpecValid", "False", "InvalidName");

    assertThat(condition(integration, "SpecValid").getMessage())
        .isEqualTo(
            "The Integration name has 64 characters, but the generated objects carry it as a"
                + " label value, which Kubernetes limits to 63; recreate the Integration under a"
                + " shorter name.");
    assertThat(condition(integration, "Ready").getReason()).isEqualTo("InvalidName");
  }

  @Test
  void nameAtLabelLimitIsValid() {
    String name = "n".repeat(63);
    createIntegration(name);

    operator.awaitIntegrationCondition(NAMESPACE, name, "SpecValid", "True", "SpecValid");
  }

  private static void createIntegration(String name) {
    client
        .resource(
            OperatorFixture.integration(
                NAMESPACE,
                name,
                "api",
                spec -> {
                  Server server = new Server();
                  server.setProtocol(ServerProtocol.http);
                  server.setHost("127.0.0.1");
                  server.setPort(9);
                  spec.setServer(server);
                }))
        .create();
  }

  private static Condition condition(Integration integration, String type) {
    return integration.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
