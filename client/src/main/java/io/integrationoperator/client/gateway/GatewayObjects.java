package io.integrationoperator.client.gateway;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;

/**
 * Builders of the objects that make a gateway cluster discoverable by {@link GatewayEndpoints}: the
 * labelled Service and an EndpointSlice with one endpoint. On a cluster the chart creates the
 * Service and Kubernetes the slices; local mode and tests create both themselves.
 */
public final class GatewayObjects {
  private GatewayObjects() {}

  /** Returns the Service of gateway cluster {@code cluster}, with one port named http. */
  public static Service service(String name, String cluster, int port) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(GatewayEndpoints.CLUSTER_LABEL, cluster)
        .endMetadata()
        .withNewSpec()
        .addNewPort()
        .withName(GatewayEndpoints.PORT_NAME)
        .withPort(port)
        .endPort()
        .endSpec()
        .build();
  }

  /**
   * Returns an EndpointSlice of Service {@code service} with one IPv4 endpoint.
   *
   * @param ready the endpoint's ready condition; null leaves it unset, which counts as ready
   */
  public static EndpointSlice endpointSlice(
      String name, String service, String address, int port, Boolean ready) {
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(GatewayEndpoints.SERVICE_NAME_LABEL, service)
        .endMetadata()
        .withAddressType("IPv4")
        .addNewPort()
        .withName(GatewayEndpoints.PORT_NAME)
        .withPort(port)
        .endPort()
        .addNewEndpoint()
        .withAddresses(address)
        .withNewConditions()
        .withReady(ready)
        .endConditions()
        .endEndpoint()
        .build();
  }
}
