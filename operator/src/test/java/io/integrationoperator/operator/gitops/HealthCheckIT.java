package io.integrationoperator.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.operator.OperatorFixture;
import io.integrationoperator.operator.gitops.ArgoCdHealthScript.Health;
import io.integrationoperator.operator.status.Conditions;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the Argo CD health checks of docs/argocd and the Flux health check expressions of
 * docs/flux against objects whose status the operator wrote, with nginx on 127.0.0.1 as the
 * Integrations' server.
 */
@Tag("real-server")
@EnableKubernetesMockClient(crud = true)
class HealthCheckIT {
  private static final String PASSWORD = "wonderland";

  static KubernetesClient client;
  static OperatorFixture operator;
  static NginxServer nginx;
  static ArgoCdHealthScript integrationHealth;
  static ArgoCdHealthScript modelHealth;
  static FluxHealthCheck integrationFlux;
  static FluxHealthCheck modelFlux;

  @BeforeAll
  static void start() throws Exception {
    integrationHealth = ArgoCdHealthScript.forKind("Integration");
    modelHealth = ArgoCdHealthScript.forKind("IntegrationModel");
    integrationFlux = FluxHealthCheck.forKind("Integration");
    modelFlux = FluxHealthCheck.forKind("IntegrationModel");
    nginx = NginxServer.builder().basicAuth("alice", PASSWORD).start();
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    nginx.close();
  }

  @Test
  void readyIntegrationIsHealthy() throws Exception {
    prepare("ready", PASSWORD);
    client.resource(OperatorFixture.integration("ready", "api", "pets", basic("login"))).create();

    Integration ready =
        operator.awaitIntegrationCondition("ready", "api", "Ready", "True", "Ready");

    assertThat(integrationHealth.evaluate(ready))
        .isEqualTo(new Health("Healthy", "The Integration is ready for task calls."));
    assertThat(integrationFlux.evaluate(ready)).isEqualTo("Current");
  }

  @Test
  void missingSecretIsDegraded() throws Exception {
    prepare("no-secret", PASSWORD);
    client
        .resource(OperatorFixture.integration("no-secret", "api", "pets", basic("absent")))
        .create();

    Integration failing =
        operator.awaitIntegrationCondition(
            "no-secret", "api", "Ready", "False", IntegrationConditions.SECRET_NOT_FOUND);

    assertThat(integrationHealth.evaluate(failing))
        .isEqualTo(
            new Health(
                "Degraded",
                "Secret absent not found in namespace no-secret; create it or correct the"
                    + " reference."));
    assertThat(integrationFlux.evaluate(failing)).isEqualTo("Failed");
  }

  @Test
  void wrongPasswordIsDegradedWithHttpError() throws Exception {
    prepare("wrong", "not-the-password");
    client.resource(OperatorFixture.integration("wrong", "api", "pets", basic("login"))).create();

    Integration failing =
        operator.awaitIntegrationCondition(
            "wrong", "api", "Ready", "False", IntegrationConditions.HTTP_ERROR);

    assertThat(integrationHealth.evaluate(failing))
        .isEqualTo(new Health("Degraded", "GET " + nginx.apiUrl() + " returned 401 Unauthorized."));
    assertThat(integrationFlux.evaluate(failing)).isEqualTo("Failed");
  }

  @Test
  void changedSpecIsProgressingUntilReconciled() throws Exception {
    prepare("changed", PASSWORD);
    client.resource(OperatorFixture.integration("changed", "api", "pets", basic("login"))).create();
    Integration ready =
        operator.awaitIntegrationCondition("changed", "api", "Ready", "True", "Ready");
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);

    ready.getSpec().setTimeout("7s");
    // The update returns the object right after the write: generation 2, status still of 1.
    Integration justChanged = client.resource(ready).update();

    assertThat(justChanged.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(justChanged.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(integrationHealth.evaluate(justChanged))
        .isEqualTo(new Health("Progressing", "Waiting for the operator to process generation 2"));
    assertThat(integrationFlux.evaluate(justChanged)).isEqualTo("InProgress");

    Integration reconciled = awaitObservedGeneration("changed", "api", 2L);
    assertThat(integrationHealth.evaluate(reconciled))
        .isEqualTo(new Health("Healthy", "The Integration is ready for task calls."));
    assertThat(integrationFlux.evaluate(reconciled)).isEqualTo("Current");
  }

  @Test
  void integrationWithoutStatusIsProgressing() throws Exception {
    prepare("fresh", PASSWORD);
    Integration created =
        client
            .resource(OperatorFixture.integration("fresh", "api", "pets", basic("login")))
            .create();

    // The resource class starts with an empty status, which the create returns.
    assertThat(created.getStatus().getObservedGeneration()).isNull();
    assertThat(created.getStatus().getConditions()).isEmpty();
    assertThat(integrationHealth.evaluate(created))
        .isEqualTo(new Health("Progressing", "Waiting for the operator to process generation 1"));
    assertThat(integrationFlux.evaluate(created)).isEqualTo("InProgress");
    // A real API server drops status on create, because status is a subresource.
    created.setStatus(null);
    assertThat(integrationHealth.evaluate(created))
        .isEqualTo(new Health("Progressing", "Waiting for the operator to process generation 1"));
    // Without status, the expressions cannot be evaluated; Flux waits until they can.
    assertThat(integrationFlux.evaluate(created)).isEqualTo(FluxHealthCheck.EVALUATION_ERROR);
  }

  @Test
  void pendingModelIsProgressing() throws Exception {
    prepare("pending", PASSWORD);
    client.resource(OperatorFixture.integration("pending", "api", "pets", basic("login"))).create();
    Integration integration =
        operator.awaitIntegrationCondition("pending", "api", "Ready", "True", "Ready");
    // The operator writes these conditions while the model's status lags behind its spec. That
    // window is too short to catch, so the operator's own condition rules build them here.
    Map<String, Outcome> outcomes =
        IntegrationConditions.complete(
            Map.of(
                IntegrationConditions.MODEL_RESOLVED,
                Outcome.unknown(
                    IntegrationConditions.MODEL_PENDING,
                    "IntegrationModel pets has not been parsed yet.")));
    integration
        .getStatus()
        .setConditions(
            Conditions.next(integration.getStatus().getConditions(), outcomes, 1L, Instant.now()));

    assertThat(integrationHealth.evaluate(integration))
        .isEqualTo(new Health("Progressing", "IntegrationModel pets has not been parsed yet."));
    assertThat(integrationFlux.evaluate(integration)).isEqualTo("InProgress");
  }

  @Test
  void validModelIsHealthy() throws Exception {
    prepare("model-ok", PASSWORD);

    IntegrationModel model =
        operator.awaitModelCondition("model-ok", "pets", "Ready", "True", "Ready");

    assertThat(modelHealth.evaluate(model))
        .isEqualTo(new Health("Healthy", "The model's tasks can be used."));
    assertThat(modelFlux.evaluate(model)).isEqualTo("Current");
  }

  @Test
  void invalidModelIsDegraded() throws Exception {
    client
        .resource(OperatorFixture.inlineModel("model-bad", "pets", "openapi: 3.0.3\npaths: [1]\n"))
        .create();

    IntegrationModel model =
        operator.awaitModelCondition("model-bad", "pets", "Ready", "False", "DocumentInvalid");

    Health health = modelHealth.evaluate(model);
    assertThat(health.status()).isEqualTo("Degraded");
    assertThat(health.message())
        .isEqualTo(
            OperatorFixture.condition(model.getStatus().getConditions(), "Ready")
                .orElseThrow()
                .getMessage());
    assertThat(modelFlux.evaluate(model)).isEqualTo("Failed");
  }

  private Integration awaitObservedGeneration(String namespace, String name, long generation) {
    org.awaitility.Awaitility.await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(
            () -> {
              Integration current = operator.integration(namespace, name);
              return current.getStatus() != null
                  && Long.valueOf(generation).equals(current.getStatus().getObservedGeneration())
                  && OperatorFixture.condition(current.getStatus().getConditions(), "Ready")
                      .filter(c -> "True".equals(c.getStatus()))
                      .isPresent();
            });
    return operator.integration(namespace, name);
  }

  private static void prepare(String namespace, String password) {
    String document =
        """
        openapi: 3.0.3
        info: {title: Pets, version: "1"}
        servers: [{url: "%s"}]
        components:
          securitySchemes:
            basicAuth: {type: http, scheme: basic}
        paths:
          /pets:
            get: {operationId: listPets, responses: {'200': {description: ok}}}
        """
            .formatted(nginx.apiUrl());
    client.resource(OperatorFixture.inlineModel(namespace, "pets", document)).create();
    client
        .resource(
            OperatorFixture.secret(
                namespace, "login", Map.of("username", "alice", "password", password)))
        .create();
  }

  private static Consumer<IntegrationSpec> basic(String secretName) {
    return spec -> {
      Authentication authentication = new Authentication();
      BasicAuthentication basic = new BasicAuthentication();
      basic.setSecretRef(new LocalObjectReference(secretName));
      authentication.setBasic(basic);
      spec.setAuthentication(authentication);
    };
  }
}
