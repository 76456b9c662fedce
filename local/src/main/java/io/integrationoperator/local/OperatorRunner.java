package io.integrationoperator.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.operator.IntegrationOperator;
import io.integrationoperator.operator.OperatorSettings;
import io.javaoperatorsdk.operator.Operator;

/**
 * Runs the operator inside local mode against the embedded API server: all namespaces, no leader
 * election (there is one replica) and no health endpoints (nothing probes them).
 */
final class OperatorRunner implements AutoCloseable {

  private final Operator operator;

  private OperatorRunner(Operator operator) {
    this.operator = operator;
  }

  /** Creates and starts the operator; returns once its informers have synced. */
  static OperatorRunner start(KubernetesClient client) {
    Operator operator = IntegrationOperator.create(client, OperatorSettings.inProcess());
    operator.start();
    return new OperatorRunner(operator);
  }

  String description() {
    return "running in this process (all namespaces, no leader election)";
  }

  @Override
  public void close() {
    operator.stop();
  }
}
