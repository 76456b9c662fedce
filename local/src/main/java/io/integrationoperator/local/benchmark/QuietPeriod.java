package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * Activity after all Integrations are Ready: Integrations whose resourceVersion changed, requests
 * to the target API and operator CPU time. Only probes that fall due make work here, so the three
 * stay near zero unless the run lasted longer than the probe interval (default 5 minutes).
 *
 * @param length measured length of the period
 * @param integrationsWritten Integrations written during the period
 * @param targetRequests requests the target API received during the period
 * @param operatorCpu operator CPU time during the period, or null when the OS does not report it
 */
record QuietPeriod(
    Duration length, int integrationsWritten, long targetRequests, Duration operatorCpu) {

  /** Waits {@code length} and returns what happened meanwhile. */
  static QuietPeriod observe(
      KubernetesClient client, OperatorProcess operator, TargetServer target, Duration length)
      throws InterruptedException {
    ReadySnapshot before = ReadyRun.list(client);
    Duration cpuBefore = operator.cpuTime().orElse(null);
    long requestsBefore = target.requests();
    long started = System.nanoTime();
    Thread.sleep(length.toMillis());
    Duration measured = Duration.ofNanos(System.nanoTime() - started);

    ReadySnapshot after = ReadyRun.list(client);
    Duration cpuAfter = operator.cpuTime().orElse(null);
    Duration cpu = cpuBefore == null || cpuAfter == null ? null : cpuAfter.minus(cpuBefore);
    return new QuietPeriod(
        measured, before.changedIn(after), target.requests() - requestsBefore, cpu);
  }
}
