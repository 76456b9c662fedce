package io.integrationoperator.local;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Runs the operator inside local mode against the embedded API server. */
final class OperatorRunner implements AutoCloseable {

  private OperatorRunner() {}

  static OperatorRunner start(KubernetesClient client) {
    return new OperatorRunner();
  }

  String description() {
    return "not wired yet";
  }

  @Override
  public void close() {}
}
