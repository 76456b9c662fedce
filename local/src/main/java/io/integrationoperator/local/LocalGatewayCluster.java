package io.integrationoperator.local;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.client.gateway.GatewayEndpoints;
import java.util.Map;

/**
 * The gateway cluster {@value #NAME} of local mode. Local mode's executor is the sidecar and also
 * runs the calls of this cluster. A Service and an EndpointSlice point at it, so the operator and
 * the executor find it through the labelled Service's ready endpoints, as on a real cluster.
 */
final class LocalGatewayCluster {

  /** Name of local mode's gateway cluster. */
  static final String NAME = "local";

  /** Name of the Service and of its EndpointSlice. */
  static final String SERVICE = "integration-operator-gateway-local";

  /** Label the EndpointSlice controller sets to the name of the slice's Service. */
  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private LocalGatewayCluster() {}

  /**
   * Creates the Service labelled {@value GatewayEndpoints#CLUSTER_LABEL}={@value #NAME} and an
   * EndpointSlice with one ready endpoint at 127.0.0.1 and the executor's port.
   */
  static void create(KubernetesClient client, String namespace, int executorPort) {
    client
        .services()
        .inNamespace(namespace)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(SERVICE)
                .withNamespace(namespace)
                .withLabels(Map.of(GatewayEndpoints.CLUSTER_LABEL, NAME))
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withName("http")
                .withPort(executorPort)
                .endPort()
                .endSpec()
                .build())
        .create();
    client
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(namespace)
        .resource(
            new EndpointSliceBuilder()
                .withNewMetadata()
                .withName(SERVICE)
                .withNamespace(namespace)
                .withLabels(Map.of(SERVICE_NAME_LABEL, SERVICE))
                .endMetadata()
                .withAddressType("IPv4")
                .addNewEndpoint()
                .withAddresses("127.0.0.1")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .endEndpoint()
                .addNewPort()
                .withName("http")
                .withPort(executorPort)
                .endPort()
                .build())
        .create();
  }
}
