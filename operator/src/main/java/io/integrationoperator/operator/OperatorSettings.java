package io.integrationoperator.operator;

import io.integrationoperator.operator.gateway.GatewayDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Runtime settings of the operator, shared by the cluster main class and local mode.
 *
 * @param namespaces namespaces to watch; empty means all namespaces
 * @param leaderElection whether replicas elect a leader through a Lease before reconciling
 * @param leaseName name of the Lease used for leader election
 * @param leaseNamespace namespace of the Lease; null means the namespace the operator runs in
 * @param defaultProbeInterval time between connectivity probes when an Integration sets no
 *     spec.probe.interval
 * @param healthPort TCP port of the /healthz and /readyz endpoints, or -1 for no endpoints; {@link
 *     OperatorMain} opens them, {@link IntegrationOperator#create} does not
 * @param gatewayDefaults execution mode, gateway cluster and proxy of Integrations that set none
 * @param operatorNamespace namespace the operator runs in, which contains the default proxy's
 *     Secret; null when unknown
 * @param gatewayNamespace namespace of the gateway clusters' Services; null means {@code
 *     operatorNamespace}
 * @param gatewayTokenFile file with the bearer token sent to gateway executors, read for every
 *     probe; null sends the operator's own ServiceAccount token
 */
public record OperatorSettings(
    Set<String> namespaces,
    boolean leaderElection,
    String leaseName,
    String leaseNamespace,
    Duration defaultProbeInterval,
    int healthPort,
    GatewayDefaults gatewayDefaults,
    String operatorNamespace,
    String gatewayNamespace,
    Path gatewayTokenFile) {

  /** Lease name used when none is configured. */
  public static final String DEFAULT_LEASE_NAME = "integration-operator-leader";

  /** Probe interval used when neither the Integration nor the settings give one. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofMinutes(5);

  /** Port of the health endpoints when none is configured. */
  public static final int DEFAULT_HEALTH_PORT = 8081;

  /** Creates settings that send the operator's own ServiceAccount token to gateway executors. */
  public OperatorSettings(
      Set<String> namespaces,
      boolean leaderElection,
      String leaseName,
      String leaseNamespace,
      Duration defaultProbeInterval,
      int healthPort,
      GatewayDefaults gatewayDefaults,
      String operatorNamespace,
      String gatewayNamespace) {
    this(
        namespaces,
        leaderElection,
        leaseName,
        leaseNamespace,
        defaultProbeInterval,
        healthPort,
        gatewayDefaults,
        operatorNamespace,
        gatewayNamespace,
        null);
  }

  public OperatorSettings {
    namespaces = Set.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(defaultProbeInterval, "defaultProbeInterval");
    Objects.requireNonNull(gatewayDefaults, "gatewayDefaults");
    if (defaultProbeInterval.isNegative() || defaultProbeInterval.isZero()) {
      throw new IllegalArgumentException(
          "defaultProbeInterval must be positive, got " + defaultProbeInterval);
    }
    if (healthPort != -1 && (healthPort < 0 || healthPort > 65535)) {
      throw new IllegalArgumentException("healthPort must be -1 or 0-65535, got " + healthPort);
    }
  }

  /**
   * Returns settings for an in-process operator: all namespaces, no leader election, the default
   * probe interval, no health endpoints and no gateway defaults (execution mode Direct).
   */
  public static OperatorSettings inProcess() {
    return new OperatorSettings(
        Set.of(),
        false,
        DEFAULT_LEASE_NAME,
        null,
        DEFAULT_PROBE_INTERVAL,
        -1,
        GatewayDefaults.none(),
        null,
        null,
        null);
  }

  /** Returns the namespace of the gateway clusters' Services, or null when none is known. */
  public String effectiveGatewayNamespace() {
    return gatewayNamespace != null ? gatewayNamespace : operatorNamespace;
  }

  /** Returns a copy that watches the given namespaces; an empty set means all namespaces. */
  public OperatorSettings withNamespaces(Set<String> newNamespaces) {
    return new OperatorSettings(
        newNamespaces,
        leaderElection,
        leaseName,
        leaseNamespace,
        defaultProbeInterval,
        healthPort,
        gatewayDefaults,
        operatorNamespace,
        gatewayNamespace,
        gatewayTokenFile);
  }

  /** Returns a copy with the given default probe interval. */
  public OperatorSettings withDefaultProbeInterval(Duration interval) {
    return new OperatorSettings(
        namespaces,
        leaderElection,
        leaseName,
        leaseNamespace,
        interval,
        healthPort,
        gatewayDefaults,
        operatorNamespace,
        gatewayNamespace,
        gatewayTokenFile);
  }

  /** Returns a copy with leader election on, using the given Lease. */
  public OperatorSettings withLeaderElection(String name, String namespace) {
    return new OperatorSettings(
        namespaces,
        true,
        name,
        namespace,
        defaultProbeInterval,
        healthPort,
        gatewayDefaults,
        operatorNamespace,
        gatewayNamespace,
        gatewayTokenFile);
  }

  /** Returns a copy whose health endpoints listen on the given port, or -1 for none. */
  public OperatorSettings withHealthPort(int port) {
    return new OperatorSettings(
        namespaces,
        leaderElection,
        leaseName,
        leaseNamespace,
        defaultProbeInterval,
        port,
        gatewayDefaults,
        operatorNamespace,
        gatewayNamespace,
        gatewayTokenFile);
  }

  /**
   * Returns a copy with the given gateway defaults, the operator's own namespace (which holds the
   * default proxy's Secret) and the namespace of the gateway clusters' Services (null for the
   * operator's namespace).
   */
  public OperatorSettings withGateway(
      GatewayDefaults defaults, String ownNamespace, String servicesNamespace) {
    return new OperatorSettings(
        namespaces,
        leaderElection,
        leaseName,
        leaseNamespace,
        defaultProbeInterval,
        healthPort,
        defaults,
        ownNamespace,
        servicesNamespace,
        gatewayTokenFile);
  }

  /**
   * Returns a copy that sends the token in {@code file} to gateway executors, or the operator's own
   * ServiceAccount token when {@code file} is null.
   */
  public OperatorSettings withGatewayTokenFile(Path file) {
    return new OperatorSettings(
        namespaces,
        leaderElection,
        leaseName,
        leaseNamespace,
        defaultProbeInterval,
        healthPort,
        gatewayDefaults,
        operatorNamespace,
        gatewayNamespace,
        file);
  }
}
