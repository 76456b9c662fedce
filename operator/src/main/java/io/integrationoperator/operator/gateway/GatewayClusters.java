package io.integrationoperator.operator.gateway;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.client.gateway.GatewayEndpoints;
import io.integrationoperator.client.gateway.GatewayUnavailableException;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway clusters' ready executors, looked up with {@link GatewayEndpoints} in the gateway
 * namespace. It is registered as an event source so that JOSDK starts its informers with the
 * controller (on the leader only, under leader election) and closes them when the operator stops;
 * it sends no events itself.
 */
public final class GatewayClusters extends AbstractEventSource<GatewayEndpoints, Integration> {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayClusters.class);

  /** Maximum wait at start for the informers' first list, so that early probes see the clusters. */
  static final Duration SYNC_TIMEOUT = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final String namespace;
  private volatile GatewayEndpoints endpoints;

  /**
   * @param namespace namespace of the gateway clusters' Services; null when the operator does not
   *     know it, so that every lookup fails with a message that explains how to set it
   */
  public GatewayClusters(KubernetesClient client, String namespace) {
    super(GatewayEndpoints.class, "gateway-clusters");
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public void start() {
    if (namespace != null) {
      endpoints = GatewayEndpoints.start(client, namespace);
      awaitSync(endpoints);
    }
    super.start();
  }

  @Override
  public void stop() {
    if (endpoints != null) {
      endpoints.close();
      endpoints = null;
    }
    super.stop();
  }

  /**
   * Returns the base URL of one ready executor of the cluster, taking them in turn.
   *
   * @throws GatewayUnavailableException when the cluster has no ready executor, or no gateway
   *     namespace is known
   */
  public URI pick(String cluster) throws GatewayUnavailableException {
    GatewayEndpoints current = endpoints;
    if (current == null) {
      throw new GatewayUnavailableException(
          cluster,
          "Gateway cluster "
              + cluster
              + " cannot be looked up because the operator has no gateway namespace; set the"
              + " operator option --gateway-namespace or the environment variable"
              + " OPERATOR_NAMESPACE.");
    }
    return current.pick(cluster);
  }

  @Override
  public Set<GatewayEndpoints> getSecondaryResources(Integration primary) {
    return Set.of();
  }

  private static void awaitSync(GatewayEndpoints endpoints) {
    Instant deadline = Instant.now().plus(SYNC_TIMEOUT);
    while (!endpoints.synced() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (!endpoints.synced()) {
      LOG.warn(
          "The gateway Services and EndpointSlices of namespace {} were not listed within {}s;"
              + " probes through gateway clusters fail until they are",
          endpoints.namespace(),
          SYNC_TIMEOUT.toSeconds());
    }
  }
}
