package io.integrationoperator.executor.metrics;

/** Result of one call a sidecar forwarded to a gateway cluster, as the {@code outcome} label. */
public enum ForwardOutcome {
  /** A gateway executor answered; its status and body were returned unchanged. */
  ANSWERED("answered"),
  /** The gateway cluster had no Service or no ready executor (HTTP 503). */
  NO_READY_EXECUTOR("no_ready_executor"),
  /** The chosen gateway executor could not be reached or broke the connection (HTTP 502). */
  UNREACHABLE("unreachable"),
  /** The gateway executor did not answer within the Integration's timeout (HTTP 504). */
  TIMEOUT("timeout");

  private final String label;

  ForwardOutcome(String label) {
    this.label = label;
  }

  /** Returns the label value. */
  public String label() {
    return label;
  }
}
