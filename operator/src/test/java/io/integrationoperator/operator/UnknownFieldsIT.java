package io.integrationoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.operator.status.IntegrationConditions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Creates objects with fields the resource classes do not declare, through a client that does not
 * use those classes, and checks that the operator reconciles them and keeps running.
 */
@EnableKubernetesMockClient(crud = true)
class UnknownFieldsIT {
  private static final String NAMESPACE = "unknown-fields";

  // Port 1 on the loopback address refuses connections, so probes fail fast.
  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: Pets, version: "1"}
      servers: [{url: "http://127.0.0.1:1/api"}]
      paths:
        /pets:
          get: {operationId: listPets, responses: {'200': {description: ok}}}
      """;

  static KubernetesClient client;
  static OperatorFixture operator;

  @BeforeAll
  static void start() throws Exception {
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
  }

  @Test
  void integrationWithUnknownFieldsGetsStatus() {
    createRaw(
        """
        {"apiVersion": "integration-operator.io/v1alpha1", "kind": "IntegrationModel",
         "metadata": {"name": "pets", "namespace": "%s"},
         "spec": {"document": %s, "foo": "bar"}}
        """
            .formatted(NAMESPACE, Serialization.asJson(DOCUMENT)));
    createRaw(
        """
        {"apiVersion": "integration-operator.io/v1alpha1", "kind": "Integration",
         "metadata": {"name": "odd", "namespace": "%s"},
         "spec": {"modelRef": {"name": "pets", "extra": 1},
                  "server": {"port": 1, "extra": "x"},
                  "probe": {"path": "/health", "extra": true},
                  "foo": "bar"},
         "status": {"foo": "bar"}}
        """
            .formatted(NAMESPACE));

    Integration odd =
        operator.awaitIntegrationCondition(
            NAMESPACE,
            "odd",
            IntegrationConditions.SPEC_VALID,
            "True",
            IntegrationConditions.SPEC_VALID);

    assertThat(odd.getStatus().getEndpoint()).isEqualTo("http://127.0.0.1:1/api");
    assertThat(odd.getStatus().getObservedGeneration()).isNotNull();

    operator.awaitModelCondition(NAMESPACE, "pets", "Valid", "True", "DocumentValid");
    client.resource(OperatorFixture.integration(NAMESPACE, "later", "pets", spec -> {})).create();

    Integration later =
        operator.awaitIntegrationCondition(
            NAMESPACE,
            "later",
            IntegrationConditions.SPEC_VALID,
            "True",
            IntegrationConditions.SPEC_VALID);

    assertThat(later.getStatus().getEndpoint()).isEqualTo("http://127.0.0.1:1/api");
  }

  private static void createRaw(String json) {
    GenericKubernetesResource resource =
        Serialization.unmarshal(json, GenericKubernetesResource.class);
    client.resource(resource).create();
  }
}
