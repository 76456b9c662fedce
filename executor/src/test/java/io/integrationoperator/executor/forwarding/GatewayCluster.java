package io.integrationoperator.executor.forwarding;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.gateway.GatewayObjects;
import io.integrationoperator.executor.ExecutorMode;
import io.integrationoperator.executor.ExecutorSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Objects of the forwarding tests: the pets model and Integration in namespace {@value #NAMESPACE},
 * and the Service and EndpointSlice of a gateway cluster in namespace {@value #GATEWAYS}.
 */
final class GatewayCluster {
  static final String NAMESPACE = "shop";
  static final String GATEWAYS = "gateways";
  static final String USERNAME = "alice";
  static final String PASSWORD = "wonderland";

  static final String MODEL =
      """
      apiVersion: integration-operator.io/v1alpha1
      kind: IntegrationModel
      metadata: {name: pets, namespace: shop}
      spec:
        document: |
          openapi: 3.0.3
          info: {title: Pets, version: "1"}
          components:
            securitySchemes:
              basicAuth: {type: http, scheme: basic}
          paths:
            /pet/{petId}:
              get:
                operationId: getPet
                parameters:
                  - {name: petId, in: path, required: true, schema: {type: integer}}
                responses: {'200': {description: ok}}
      status:
        securitySchemes: [{name: basicAuth, type: http, details: {scheme: basic}}]
        methods: [get]
        taskCount: 1
      """;

  private GatewayCluster() {}

  /** Settings of an executor on 127.0.0.1 that finds gateway clusters in {@value #GATEWAYS}. */
  static ExecutorSettings settings(
      boolean authorization, ExecutorMode mode, Optional<String> cluster) {
    return new ExecutorSettings(
        "127.0.0.1",
        0,
        Set.of(NAMESPACE),
        authorization,
        Duration.ofSeconds(10),
        100,
        1024 * 1024,
        mode,
        cluster,
        4,
        GATEWAYS);
  }

  /**
   * Returns the pets Integration with a ready status at generation 1.
   *
   * @param routing status.routing in YAML flow style
   * @param extraSpec more spec fields, for example {@code timeout: 1s}
   */
  static String integration(String endpoint, String routing, String extraSpec) {
    return """
        apiVersion: integration-operator.io/v1alpha1
        kind: Integration
        metadata: {name: pets, namespace: shop, generation: 1}
        spec:
          modelRef: {name: pets}
          authentication: {basic: {secretRef: {name: login}}}
          %s
        status:
          observedGeneration: 1
          endpoint: %s
          routing: %s
          conditions:
            - {type: Ready, status: "True", reason: Ready, message: ok}
        """
        .formatted(extraSpec, endpoint, routing);
  }

  /** Creates the model, the Integration and its projected credentials Secret. */
  static void createIntegration(KubernetesClient client, String integrationYaml) {
    client
        .resource(client.getKubernetesSerialization().unmarshal(MODEL, IntegrationModel.class))
        .create();
    client
        .resource(client.getKubernetesSerialization().unmarshal(integrationYaml, Integration.class))
        .create();
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("pets-credentials")
                .withNamespace(NAMESPACE)
                .withLabels(Map.of("integration-operator.io/integration", "pets"))
                .endMetadata()
                .withData(Map.of("username", base64(USERNAME), "password", base64(PASSWORD)))
                .build())
        .create();
  }

  /** Creates the gateways namespace and the labelled Service of {@code cluster}. */
  static void createService(KubernetesClient client, String cluster) {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(GATEWAYS).endMetadata().build())
        .createOr(existing -> existing.update());
    client
        .services()
        .inNamespace(GATEWAYS)
        .resource(GatewayObjects.service(cluster, cluster, 8080))
        .create();
  }

  /** Creates or replaces the EndpointSlice of {@code cluster} with one endpoint on 127.0.0.1. */
  static void createEndpoint(KubernetesClient client, String cluster, int port, boolean ready) {
    client
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(GATEWAYS)
        .resource(
            GatewayObjects.endpointSlice(cluster + "-slice", cluster, "127.0.0.1", port, ready))
        .createOr(existing -> existing.update());
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
