package io.integrationoperator.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.client.gateway.GatewayEndpoints;
import io.integrationoperator.client.gateway.GatewayObjects;

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

  private LocalGatewayCluster() {}

  /**
   * Creates the Service labelled {@value GatewayEndpoints#CLUSTER_LABEL}={@value #NAME} and an
   * EndpointSlice with one ready endpoint at 127.0.0.1 and the executor's port.
   */
  static void create(KubernetesClient client, String namespace, int executorPort) {
    client
        .services()
        .inNamespace(namespace)
        .resource(GatewayObjects.service(SERVICE, NAME, executorPort))
        .create();
    client
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(namespace)
        .resource(GatewayObjects.endpointSlice(SERVICE, SERVICE, "127.0.0.1", executorPort, true))
        .create();
  }
}
