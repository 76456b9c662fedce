package io.integrationoperator.client.connection;

/**
 * Calls one Integration's server with its TLS, timeout and authentication settings applied.
 * Instances are cheap to create and hold no connections of their own beyond a shared pool.
 */
public final class IntegrationClient {
  private final ConnectionSettings settings;

  public IntegrationClient(ConnectionSettings settings) {
    this.settings = settings;
  }

  /**
   * Checks connectivity the way spec.probe says: GET the probe path, call the probe task (which
   * must need no parameters), or, with neither set, GET the base URL. Any HTTP answer yields an
   * envelope; a non-2xx answer is a result with an envelope and no failure.
   */
  public CallResult probe() {
    throw new UnsupportedOperationException("TODO: implement");
  }
}
