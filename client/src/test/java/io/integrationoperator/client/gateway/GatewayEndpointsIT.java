package io.integrationoperator.client.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class GatewayEndpointsIT {
  private static final String NAMESPACE = "integration-system";

  KubernetesClient client;
  private GatewayEndpoints endpoints;

  @BeforeEach
  void startInformers() {
    endpoints = GatewayEndpoints.start(client, NAMESPACE);
    await().atMost(Duration.ofSeconds(10)).until(endpoints::synced);
  }

  @AfterEach
  void stopInformers() {
    endpoints.close();
  }

  @Test
  void returnsOnlyReadyEndpointsOnTheHttpPort() {
    service("gateway-edge-1", "edge-1");
    slice("gateway-edge-1-a", "gateway-edge-1", 8080, "10.0.0.2", true);
    slice("gateway-edge-1-b", "gateway-edge-1", 8080, "10.0.0.3", false);
    slice("gateway-edge-1-c", "gateway-edge-1", 8080, "10.0.0.1", null);

    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(GatewayUnavailableException.class)
        .untilAsserted(
            () ->
                assertThat(endpoints.readyExecutors("edge-1"))
                    .containsExactly(
                        URI.create("http://10.0.0.1:8080"), URI.create("http://10.0.0.2:8080")));
  }

  @Test
  void picksReadyExecutorsInTurn() throws Exception {
    service("gateway-edge-1", "edge-1");
    slice("gateway-edge-1-a", "gateway-edge-1", 8080, "10.0.0.1", true);
    slice("gateway-edge-1-b", "gateway-edge-1", 8080, "10.0.0.2", true);
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(GatewayUnavailableException.class)
        .until(() -> endpoints.readyExecutors("edge-1").size() == 2);

    List<URI> picked =
        List.of(endpoints.pick("edge-1"), endpoints.pick("edge-1"), endpoints.pick("edge-1"));

    assertThat(picked.get(0)).isNotEqualTo(picked.get(1));
    assertThat(picked.get(2)).isEqualTo(picked.get(0));
  }

  @Test
  void namesTheClusterWhenNoServiceIsLabelledWithIt() {
    service("gateway-edge-1", "edge-1");

    assertThatThrownBy(() -> endpoints.pick("edge-2"))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessage(
            "Gateway cluster edge-2 has no Service labelled"
                + " integration-operator.io/gateway-cluster=edge-2 in namespace integration-system;"
                + " deploy that gateway pool or route the Integration to an existing cluster.");
  }

  @Test
  void namesTheClusterAndServiceWhenNoExecutorIsReady() {
    service("gateway-edge-1", "edge-1");
    slice("gateway-edge-1-a", "gateway-edge-1", 8080, "10.0.0.1", false);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                endpoints.synced()
                    && client
                            .discovery()
                            .v1()
                            .endpointSlices()
                            .inNamespace(NAMESPACE)
                            .list()
                            .getItems()
                            .size()
                        == 1);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> endpoints.pick("edge-1"))
                    .isInstanceOf(GatewayUnavailableException.class)
                    .hasMessage(
                        "Gateway cluster edge-1 has no ready executor (Service gateway-edge-1 in"
                            + " namespace integration-system has no ready endpoint); check the"
                            + " gateway executors' pods and readiness."));
  }

  private void service(String name, String cluster) {
    client
        .services()
        .inNamespace(NAMESPACE)
        .resource(GatewayObjects.service(name, cluster, 8080))
        .create();
  }

  private void slice(String name, String service, int port, String address, Boolean ready) {
    client
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(NAMESPACE)
        .resource(GatewayObjects.endpointSlice(name, service, address, port, ready))
        .create();
  }
}
