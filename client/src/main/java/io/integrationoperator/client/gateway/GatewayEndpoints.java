package io.integrationoperator.client.gateway;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the ready executors of gateway clusters. A gateway cluster is a Service labelled {@value
 * #CLUSTER_LABEL} with the cluster's name in the gateway namespace; its ready executors are the
 * ready endpoints of the Service's EndpointSlices. Callers connect to the endpoint addresses
 * directly, so no cluster DNS is needed and an executor that is not ready is never chosen.
 *
 * <p>Services and EndpointSlices of the gateway namespace are watched by informers, so a lookup
 * makes no API call.
 */
public final class GatewayEndpoints implements AutoCloseable {

  /** Label on a gateway cluster's Service whose value is the cluster's name. */
  public static final String CLUSTER_LABEL = "integration-operator.io/gateway-cluster";

  /** Label the EndpointSlice controller sets to the name of the slice's Service. */
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  /** Name of the Service port that serves the Executor API; the first port when none has it. */
  public static final String PORT_NAME = "http";

  private final String namespace;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<EndpointSlice> slices;
  private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();

  private GatewayEndpoints(
      String namespace,
      SharedIndexInformer<Service> services,
      SharedIndexInformer<EndpointSlice> slices) {
    this.namespace = namespace;
    this.services = services;
    this.slices = slices;
  }

  /**
   * Starts watching the gateway Services and their EndpointSlices of one namespace, without waiting
   * for the first list.
   */
  public static GatewayEndpoints start(KubernetesClient client, String namespace) {
    SharedIndexInformer<Service> services =
        client.services().inNamespace(namespace).withLabel(CLUSTER_LABEL).runnableInformer(0);
    SharedIndexInformer<EndpointSlice> slices =
        client
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace(namespace)
            .withLabel(SERVICE_NAME_LABEL)
            .runnableInformer(0);
    services.start();
    slices.start();
    return new GatewayEndpoints(namespace, services, slices);
  }

  /** Returns the namespace whose Services define the gateway clusters. */
  public String namespace() {
    return namespace;
  }

  /** Returns true once both informers hold their first list. */
  public boolean synced() {
    return services.hasSynced() && slices.hasSynced();
  }

  /**
   * Returns the base URL of one ready executor of the cluster, taking them in turn.
   *
   * @throws GatewayUnavailableException when the cluster has no Service or no ready executor
   */
  public URI pick(String cluster) throws GatewayUnavailableException {
    List<URI> ready = readyExecutors(cluster);
    int turn = turns.computeIfAbsent(cluster, c -> new AtomicInteger()).getAndIncrement();
    return ready.get(Math.floorMod(turn, ready.size()));
  }

  /**
   * Returns the base URLs of the cluster's ready executors, sorted.
   *
   * @throws GatewayUnavailableException when the cluster has no Service or no ready executor
   */
  public List<URI> readyExecutors(String cluster) throws GatewayUnavailableException {
    List<Service> matching =
        services.getStore().list().stream()
            .filter(s -> cluster.equals(s.getMetadata().getLabels().get(CLUSTER_LABEL)))
            .toList();
    if (matching.isEmpty()) {
      throw new GatewayUnavailableException(
          cluster,
          "Gateway cluster "
              + cluster
              + " has no Service labelled "
              + CLUSTER_LABEL
              + "="
              + cluster
              + " in namespace "
              + namespace
              + "; deploy that gateway pool or route the Integration to an existing cluster.");
    }
    List<URI> ready = new ArrayList<>();
    for (Service service : matching) {
      ready.addAll(readyAddresses(service.getMetadata().getName()));
    }
    if (ready.isEmpty()) {
      throw new GatewayUnavailableException(
          cluster,
          "Gateway cluster "
              + cluster
              + " has no ready executor (Service "
              + matching.get(0).getMetadata().getName()
              + " in namespace "
              + namespace
              + " has no ready endpoint); check the gateway executors' pods and readiness.");
    }
    ready.sort(Comparator.comparing(URI::toString));
    return ready;
  }

  private List<URI> readyAddresses(String serviceName) {
    List<URI> ready = new ArrayList<>();
    for (EndpointSlice slice : slices.getStore().list()) {
      if (!serviceName.equals(slice.getMetadata().getLabels().get(SERVICE_NAME_LABEL))) {
        continue;
      }
      Optional<Integer> port = port(slice);
      if (port.isEmpty() || slice.getEndpoints() == null) {
        continue;
      }
      for (Endpoint endpoint : slice.getEndpoints()) {
        if (isReady(endpoint) && endpoint.getAddresses() != null) {
          endpoint.getAddresses().forEach(a -> ready.add(uri(a, port.get())));
        }
      }
    }
    return ready;
  }

  private static Optional<Integer> port(EndpointSlice slice) {
    List<EndpointPort> ports = slice.getPorts() == null ? List.of() : slice.getPorts();
    return ports.stream()
        .filter(p -> PORT_NAME.equals(p.getName()))
        .findFirst()
        .or(() -> ports.stream().findFirst())
        .map(EndpointPort::getPort);
  }

  /**
   * Returns true for a ready endpoint, including one without conditions or without a ready value.
   */
  private static boolean isReady(Endpoint endpoint) {
    return endpoint.getConditions() == null
        || endpoint.getConditions().getReady() == null
        || endpoint.getConditions().getReady();
  }

  private static URI uri(String address, int port) {
    String host = address.contains(":") ? "[" + address + "]" : address;
    return URI.create("http://" + host + ":" + port);
  }

  @Override
  public void close() {
    services.close();
    slices.close();
  }
}
