package io.integrationoperator.executor.integrations;

import io.integrationoperator.client.connection.ConnectionSettings;
import java.time.Duration;

/** Place where a task call of a resolved Integration runs: this executor or a gateway cluster. */
public sealed interface Route {

  /**
   * This executor calls the server.
   *
   * @param settings base URL, authentication, TLS, proxy and timeout, credentials included
   */
  record Execute(ConnectionSettings settings) implements Route {}

  /**
   * This sidecar forwards the call to an executor of a gateway cluster.
   *
   * @param cluster the gateway cluster's name
   * @param timeout the Integration's timeout, which bounds the forwarded call as a whole
   */
  record Forward(String cluster, Duration timeout) implements Route {}
}
