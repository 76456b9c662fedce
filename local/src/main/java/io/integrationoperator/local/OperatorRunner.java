package io.integrationoperator.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.operator.IntegrationOperator;
import io.integrationoperator.operator.OperatorSettings;
import io.integrationoperator.operator.gateway.GatewayDefaults;
import io.javaoperatorsdk.operator.Operator;
import java.util.Optional;

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
    Operator operator = IntegrationOperator.create(client, settings());
    operator.start();
    return new OperatorRunner(operator);
  }

  /**
   * Returns the in-process settings with local mode's namespace as the operator's and the gateway
   * namespace, and gateway cluster {@value LocalGatewayCluster#NAME} as the default cluster, so
   * that ClusterNoProxy and Proxy work without spec.gateway.cluster. The default execution mode
   * stays Direct.
   */
  static OperatorSettings settings() {
    OperatorSettings inProcess = OperatorSettings.inProcess();
    return new OperatorSettings(
        inProcess.namespaces(),
        inProcess.leaderElection(),
        inProcess.leaseName(),
        inProcess.leaseNamespace(),
        inProcess.defaultProbeInterval(),
        inProcess.healthPort(),
        new GatewayDefaults(
            ExecutionMode.Direct, Optional.of(LocalGatewayCluster.NAME), Optional.empty()),
        LocalMode.OPERATOR_NAMESPACE,
        LocalMode.OPERATOR_NAMESPACE);
  }

  String description() {
    return "running in this process (all namespaces, no leader election)";
  }

  @Override
  public void close() {
    operator.stop();
  }
}
