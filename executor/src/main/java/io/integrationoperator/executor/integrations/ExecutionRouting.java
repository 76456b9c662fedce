package io.integrationoperator.executor.integrations;

import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Gateway;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.executor.server.ApiError;
import java.util.Optional;

/**
 * Decides whether this executor makes an Integration's calls itself. A sidecar makes calls of
 * Integrations without a gateway cluster or with execution mode Direct; a gateway executor makes
 * calls of the Integrations of its own gateway cluster.
 *
 * @param gatewayCluster the gateway cluster of a gateway executor; empty for a sidecar
 */
public record ExecutionRouting(Optional<String> gatewayCluster) {

  /**
   * Checks that this executor may make the Integration's calls.
   *
   * @throws ApiError 409 when the calls belong to another executor
   */
  public void check(Integration integration) throws ApiError {
    String name = integration.getMetadata().getName();
    Gateway gateway = integration.getSpec().getGateway();
    String cluster = gateway == null ? null : gateway.getCluster();
    boolean direct =
        cluster == null
            || cluster.isBlank()
            || gateway.getExecutionMode() == null
            || gateway.getExecutionMode() == ExecutionMode.Direct;
    if (gatewayCluster.isEmpty()) {
      if (!direct) {
        // TODO: a sidecar should forward these calls to the gateway cluster's Service; it rejects
        // them until forwarding exists.
        throw new ApiError(
            409,
            "RoutedToGateway",
            "Integration "
                + name
                + " runs its calls in gateway cluster "
                + cluster
                + " (executionMode "
                + gateway.getExecutionMode()
                + "), and this sidecar executor does not forward calls; call an executor of that"
                + " gateway cluster.");
      }
      return;
    }
    if (!gatewayCluster.get().equals(cluster)) {
      throw new ApiError(
          409,
          "NotInGatewayCluster",
          "Integration "
              + name
              + " is "
              + (cluster == null || cluster.isBlank()
                  ? "not routed to a gateway cluster"
                  : "routed to gateway cluster " + cluster)
              + ", but this executor serves gateway cluster "
              + gatewayCluster.get()
              + "; call the executor of that Integration's cluster.");
    }
  }
}
