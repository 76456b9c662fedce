package io.integrationoperator.operator.gateway;

import io.integrationoperator.api.integration.ProbeResult;
import java.util.Objects;

/**
 * A gateway executor's response to a probe request.
 *
 * @param observedGeneration generation of the Integration the gateway probed with
 * @param reason CamelCase reason of the Connected condition
 * @param message one sentence for the Connected condition
 * @param connected whether the probe reached the server and authenticated
 * @param lastProbe the probe's result for status.lastProbe; null when the gateway sent none
 */
public record GatewayProbeAnswer(
    long observedGeneration,
    String reason,
    String message,
    boolean connected,
    ProbeResult lastProbe) {

  public GatewayProbeAnswer {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
