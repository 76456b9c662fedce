package io.integrationoperator.operator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.client.gateway.GatewayObjects;
import io.integrationoperator.operator.OperatorFixture;
import io.integrationoperator.operator.OperatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator with {@code --gateway-token-file}: probes through a fake gateway executor on
 * 127.0.0.1 carry the file's token instead of the operator's own, the file is read again for each
 * probe, and a missing file makes Connected False with a message that names it.
 */
@EnableKubernetesMockClient(crud = true)
class GatewayTokenFileIT {
  static final String NAMESPACE = "shop";
  static final String GATEWAY_NAMESPACE = "gateways";

  static KubernetesClient client;
  static KubernetesClient operatorClient;
  static FakeGateway gateway;
  static OperatorFixture operator;

  @TempDir static Path tokens;
  static Path tokenFile;

  @BeforeAll
  static void start() throws Exception {
    tokenFile = tokens.resolve("token");
    Files.writeString(tokenFile, "audience-token-1\n");
    gateway = new FakeGateway();
    service();
    slice();

    // The operator's own token must not reach the gateway once a token file is set.
    operatorClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withOauthToken("operator-sa-token")
                    .build())
            .build();
    GatewayDefaults defaults =
        new GatewayDefaults(ExecutionMode.ClusterNoProxy, Optional.of("edge-1"), Optional.empty());
    operator =
        OperatorFixture.start(
            operatorClient,
            OperatorSettings.inProcess()
                .withGateway(defaults, "ops", GATEWAY_NAMESPACE)
                .withGatewayTokenFile(tokenFile));
  }

  @AfterAll
  static void stop() {
    operator.close();
    operatorClient.close();
    gateway.close();
  }

  @Test
  void probeSendsFileTokenAndRereadsIt() throws Exception {
    createModel();
    client.resource(OperatorFixture.integration(NAMESPACE, "api", "pets", spec -> {})).create();

    operator.awaitIntegrationCondition(NAMESPACE, "api", "Connected", "True", "ProbeSucceeded");
    assertThat(probeOfGeneration(1).authorization()).contains("Bearer audience-token-1");

    // The kubelet replaces a projected token before it expires; the next probe reads the new one.
    Files.writeString(tokenFile, "  audience-token-2\n");
    setTimeout("9s");
    FakeGateway.Received second = awaitProbeOfGeneration(2);
    assertThat(second.authorization()).contains("Bearer audience-token-2");

    Files.delete(tokenFile);
    setTimeout("8s");
    Integration failed =
        operator.awaitIntegrationCondition(
            NAMESPACE, "api", "Connected", "False", "GatewayUnavailable");

    assertThat(
            OperatorFixture.condition(failed.getStatus().getConditions(), "Connected")
                .orElseThrow()
                .getMessage())
        .isEqualTo(
            "Gateway cluster edge-1 (executor http://127.0.0.1:"
                + gateway.port()
                + ") was not asked to probe because the token file "
                + tokenFile
                + " given by --gateway-token-file could not be read (NoSuchFileException); check"
                + " that the operator's pod mounts the projected serviceAccountToken volume at"
                + " that path, or correct the option.");
    assertThat(probes()).hasSize(2);
    assertThat(probes()).noneMatch(r -> r.authorization().orElse("").contains("operator-sa"));
  }

  private static FakeGateway.Received awaitProbeOfGeneration(long generation) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> probes().stream().anyMatch(r -> isGeneration(r, generation)));
    return probeOfGeneration(generation);
  }

  private static FakeGateway.Received probeOfGeneration(long generation) {
    return probes().stream().filter(r -> isGeneration(r, generation)).findFirst().orElseThrow();
  }

  private static boolean isGeneration(FakeGateway.Received probe, long generation) {
    return probe.body().equals("{\"generation\":" + generation + "}");
  }

  private static List<FakeGateway.Received> probes() {
    return gateway.received().stream()
        .filter(r -> r.path().equals("/v1/namespaces/shop/integrations/api/probe"))
        .toList();
  }

  private static void setTimeout(String timeout) {
    Integration integration = operator.integration(NAMESPACE, "api");
    integration.getSpec().setTimeout(timeout);
    client.resource(integration).update();
  }

  private static void createModel() {
    // The server is never called: routed Integrations are probed by the gateway.
    String document =
        """
        openapi: 3.0.3
        info: {title: Pets, version: "1"}
        servers: [{url: "http://127.0.0.1:9/api"}]
        paths:
          /pets:
            get: {operationId: listPets, responses: {'200': {description: ok}}}
        """;
    client.resource(OperatorFixture.inlineModel(NAMESPACE, "pets", document)).create();
    operator.awaitModelCondition(NAMESPACE, "pets", "Ready", "True", "Ready");
  }

  private static void service() {
    client
        .services()
        .inNamespace(GATEWAY_NAMESPACE)
        .resource(GatewayObjects.service("edge-1-gateway", "edge-1", 8080))
        .create();
  }

  private static void slice() {
    client
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(GATEWAY_NAMESPACE)
        .resource(
            GatewayObjects.endpointSlice(
                "edge-1-gateway-a", "edge-1-gateway", "127.0.0.1", gateway.port(), true))
        .create();
  }
}
