package io.integrationoperator.operator.gateway;

import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.ProxyConfig;
import io.integrationoperator.operator.status.Outcome;
import java.util.Optional;

/**
 * An Integration's effective routing, or why it has none.
 *
 * @param status the value of status.routing; null when {@code failure} is set
 * @param failure the SpecValid failure with reason InvalidGateway, when the effective routing lacks
 *     a cluster or proxy, or spec.gateway contains an invalid value
 * @param specProxy spec.gateway.proxy when the effective proxy comes from it
 * @param defaultProxy the operator's default proxy when the effective proxy comes from it
 */
public record Routing(
    EffectiveRouting status,
    Optional<Outcome> failure,
    Optional<ProxyConfig> specProxy,
    Optional<DefaultProxy> defaultProxy) {

  static Routing failed(Outcome failure) {
    return new Routing(null, Optional.of(failure), Optional.empty(), Optional.empty());
  }

  /** Returns true when calls run on a gateway cluster, so that the gateway probes too. */
  public boolean routed() {
    return status != null && status.getExecutionMode() != ExecutionMode.Direct;
  }

  /** Returns the gateway cluster of a routed Integration. */
  public String cluster() {
    return status.getCluster();
  }
}
