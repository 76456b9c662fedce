package io.integrationoperator.executor.integrations;

import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationStatus;
import io.integrationoperator.client.gateway.GatewayEndpoints;
import io.integrationoperator.executor.server.ApiError;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides where an Integration's call runs, from the effective routing the operator wrote into
 * status.routing. An executor runs a call itself when the execution mode is Direct and it is a
 * sidecar, or when the Integration's gateway cluster is one it serves. A sidecar forwards the other
 * calls to their gateway cluster. A gateway executor rejects calls of clusters it does not serve
 * with 409, and every executor rejects a forwarded call it does not serve, so that a call is
 * forwarded at most once.
 *
 * @param sidecar whether the executor runs next to a workload (it then runs Direct calls and
 *     forwards the others)
 * @param servedClusters the gateway clusters whose calls the executor runs
 */
public record ExecutionRouting(boolean sidecar, Set<String> servedClusters) {

  public ExecutionRouting {
    servedClusters = Set.copyOf(servedClusters);
  }

  /**
   * Returns the gateway cluster to forward the call to, or empty when this executor runs it.
   *
   * @param forwarded whether another executor forwarded the call
   * @throws ApiError 409 NotInGatewayCluster when this executor may neither run nor forward it
   */
  public Optional<String> forwardTarget(Integration integration, boolean forwarded)
      throws ApiError {
    Optional<String> cluster = cluster(integration.getStatus().getRouting());
    if (cluster.isPresent() && servedClusters.contains(cluster.get())) {
      return Optional.empty();
    }
    if (sidecar && !forwarded) {
      return cluster;
    }
    throw notServed(integration.getMetadata().getName(), cluster, forwarded);
  }

  /**
   * Checks that this executor serves the Integration's gateway cluster, as a probe requested by the
   * operator needs.
   *
   * @throws ApiError 409 NotInGatewayCluster otherwise
   */
  public void requireServed(Integration integration) throws ApiError {
    IntegrationStatus status = integration.getStatus();
    Optional<String> cluster = cluster(status == null ? null : status.getRouting());
    if (cluster.isEmpty() || !servedClusters.contains(cluster.get())) {
      throw notServed(integration.getMetadata().getName(), cluster, false);
    }
  }

  /** Returns the gateway cluster of the routing; empty in execution mode Direct. */
  static Optional<String> cluster(EffectiveRouting routing) {
    if (routing == null
        || routing.getExecutionMode() == null
        || routing.getExecutionMode() == ExecutionMode.Direct
        || routing.getCluster() == null
        || routing.getCluster().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(routing.getCluster());
  }

  private ApiError notServed(String name, Optional<String> cluster, boolean forwarded) {
    String served =
        servedClusters.isEmpty()
            ? "this executor serves no gateway cluster"
            : "this executor serves gateway cluster "
                + String.join(", ", new TreeSet<>(servedClusters));
    String advice =
        forwarded
            ? " and does not forward a call that another executor forwarded; check that only"
                + " executors of that cluster carry the Service label "
                + GatewayEndpoints.CLUSTER_LABEL
                + "="
                + cluster.orElse("")
                + "."
            : "; call the executor of that Integration's cluster.";
    return new ApiError(
        409,
        "NotInGatewayCluster",
        "Integration "
            + name
            + " is "
            + cluster
                .map(c -> "routed to gateway cluster " + c)
                .orElse("not routed to a gateway cluster")
            + ", but "
            + served
            + advice);
  }
}
