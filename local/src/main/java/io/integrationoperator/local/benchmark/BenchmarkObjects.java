package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.ModelReference;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.Server;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelSpec;
import java.util.Map;

/**
 * The objects the benchmark creates: one IntegrationModel whose document uses HTTP Basic
 * authentication and the methods GET, POST and DELETE, one Secret with the Basic credentials, and
 * Integrations that point at the {@link TargetServer} and probe {@link #PROBE_PATH}.
 */
final class BenchmarkObjects {

  static final String MODEL_NAME = "benchmark-api";
  static final String SECRET_NAME = "benchmark-login";
  static final String USERNAME = "benchmark";
  static final String PASSWORD = "benchmark-password";
  static final String PROBE_PATH = "/health";

  /** Name prefix of the Integrations. The i-th one is {@code <prefix><i>} with five digits. */
  static final String INTEGRATION_PREFIX = "bench-";

  /**
   * OpenAPI 3.0 document with one Basic scheme and three methods, so each Integration gets an admin
   * Role, three verb Roles and a projected Secret.
   */
  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info:
        title: Benchmark API
        version: 1.0.0
      security:
        - basicAuth: []
      components:
        securitySchemes:
          basicAuth:
            type: http
            scheme: basic
      paths:
        /health:
          get:
            operationId: getHealth
            responses:
              "200": {description: The service is up.}
        /items:
          post:
            operationId: createItem
            responses:
              "201": {description: The item was created.}
        /items/{itemId}:
          delete:
            operationId: deleteItem
            parameters:
              - {name: itemId, in: path, required: true, schema: {type: string}}
            responses:
              "204": {description: The item was deleted.}
      """;

  private BenchmarkObjects() {}

  static IntegrationModel model(String namespace) {
    IntegrationModelSpec spec = new IntegrationModelSpec();
    spec.setDocument(DOCUMENT);
    IntegrationModel model = new IntegrationModel();
    model.setMetadata(
        new ObjectMetaBuilder().withName(MODEL_NAME).withNamespace(namespace).build());
    model.setSpec(spec);
    return model;
  }

  static Secret loginSecret(String namespace) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(SECRET_NAME)
        .withNamespace(namespace)
        .endMetadata()
        .withType("Opaque")
        .withStringData(Map.of("username", USERNAME, "password", PASSWORD))
        .build();
  }

  static String integrationName(int index) {
    return INTEGRATION_PREFIX + String.format("%05d", index);
  }

  /** Builds the {@code index}-th Integration, which probes the target on 127.0.0.1. */
  static Integration integration(String namespace, int index, int targetPort) {
    ModelReference modelRef = new ModelReference();
    modelRef.setName(MODEL_NAME);

    Server server = new Server();
    server.setProtocol(ServerProtocol.http);
    server.setHost(TargetServer.HOST);
    server.setPort(targetPort);

    BasicAuthentication basic = new BasicAuthentication();
    basic.setSecretRef(new LocalObjectReference(SECRET_NAME));
    Authentication authentication = new Authentication();
    authentication.setBasic(basic);

    Probe probe = new Probe();
    probe.setPath(PROBE_PATH);

    IntegrationSpec spec = new IntegrationSpec();
    spec.setModelRef(modelRef);
    spec.setServer(server);
    spec.setAuthentication(authentication);
    spec.setTimeout("10s");
    spec.setProbe(probe);

    Integration integration = new Integration();
    integration.setMetadata(
        new ObjectMetaBuilder().withName(integrationName(index)).withNamespace(namespace).build());
    integration.setSpec(spec);
    return integration;
  }
}
