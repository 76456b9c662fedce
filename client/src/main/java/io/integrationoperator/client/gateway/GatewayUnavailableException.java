package io.integrationoperator.client.gateway;

/** A gateway cluster has no ready executor, or the chosen executor could not be reached. */
public final class GatewayUnavailableException extends Exception {
  private final String cluster;

  /**
   * @param cluster the gateway cluster's name
   * @param message one sentence naming the cluster and what to do
   */
  public GatewayUnavailableException(String cluster, String message) {
    super(message);
    this.cluster = cluster;
  }

  /** Returns the gateway cluster's name. */
  public String cluster() {
    return cluster;
  }
}
