package io.integrationoperator.operator;

import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.integrationoperator.operator.gateway.GatewayDefaults;
import io.integrationoperator.operator.health.HealthServer;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator in a cluster. It connects with the current kubeconfig or, inside a pod, with
 * the pod's ServiceAccount (the fabric8 default configuration tries both).
 *
 * <p>Options, each also settable through the environment variable in brackets:
 *
 * <ul>
 *   <li>{@code --namespaces=a,b} [WATCH_NAMESPACES]: namespaces to watch; empty watches all
 *   <li>{@code --leader-election=true|false} [LEADER_ELECTION]: elect a leader through a Lease
 *       (default true), so that several replicas are safe
 *   <li>{@code --lease-name=NAME} [LEASE_NAME]: the Lease name
 *   <li>{@code --lease-namespace=NS} [LEASE_NAMESPACE]: the Lease namespace; default the operator's
 *       own namespace
 *   <li>{@code --probe-interval=5m} [PROBE_INTERVAL]: default time between connectivity probes
 *   <li>{@code --health-port=8081} [HEALTH_PORT]: port of /healthz and /readyz; -1 for none
 *   <li>{@code --default-execution-mode=Direct} [DEFAULT_EXECUTION_MODE]: execution mode of
 *       Integrations that set none: Direct, ClusterNoProxy or Proxy
 *   <li>{@code --default-gateway-cluster=NAME} [DEFAULT_GATEWAY_CLUSTER]: gateway cluster of
 *       Integrations that set none
 *   <li>{@code --default-proxy-url=http://HOST:PORT} [DEFAULT_PROXY_URL]: proxy of Integrations in
 *       execution mode Proxy that set none
 *   <li>{@code --default-proxy-secret=NAME} [DEFAULT_PROXY_SECRET]: Secret in the operator's
 *       namespace with the default proxy's optional keys username, password and ca.crt
 *   <li>{@code --default-no-proxy=a,.b,10.0.0.0/8} [DEFAULT_NO_PROXY]: hosts the default proxy is
 *       not used for
 *   <li>{@code --gateway-namespace=NS} [GATEWAY_NAMESPACE]: namespace of the gateway clusters'
 *       Services; default the operator's own namespace
 *   <li>{@code --gateway-token-file=PATH} [GATEWAY_TOKEN_FILE]: file with the bearer token sent to
 *       gateway executors, read for every probe; default the operator's own ServiceAccount token
 * </ul>
 *
 * <p>The operator's own namespace comes from OPERATOR_NAMESPACE (the Helm chart sets it from the
 * downward API), else from the client configuration, which inside a pod reads the ServiceAccount's
 * namespace file.
 */
public final class OperatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) throws IOException {
    OperatorSettings settings;
    try {
      settings = parseSettings(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("integration-operator: " + e.getMessage());
      System.exit(2);
      return;
    }

    KubernetesClient client = new KubernetesClientBuilder().build();
    if (settings.operatorNamespace() == null) {
      settings =
          settings.withGateway(
              settings.gatewayDefaults(), client.getNamespace(), settings.gatewayNamespace());
    }
    Operator operator = IntegrationOperator.create(client, settings);
    HealthServer health =
        settings.healthPort() < 0
            ? null
            : HealthServer.start(
                new InetSocketAddress(settings.healthPort()), operator::getRuntimeInfo);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the operator");
                  operator.stop();
                  if (health != null) {
                    health.close();
                  }
                  client.close();
                },
                "operator-shutdown"));

    LOG.info(
        "Starting the operator: namespaces={}, leaderElection={}, healthPort={}, gateway"
            + " defaults={}, gatewayNamespace={}, gatewayTokenFile={}",
        settings.namespaces().isEmpty() ? "all" : settings.namespaces(),
        settings.leaderElection(),
        settings.healthPort(),
        settings.gatewayDefaults(),
        settings.effectiveGatewayNamespace(),
        settings.gatewayTokenFile() != null ? settings.gatewayTokenFile() : "none");
    operator.start();
  }

  /**
   * Builds settings from {@code --name=value} arguments, falling back to environment variables and
   * then to defaults.
   *
   * @throws IllegalArgumentException on an unknown option or an invalid value
   */
  static OperatorSettings parseSettings(String[] args, Map<String, String> env) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("invalid argument " + arg + ", expected --name=value");
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    Map<String, String> known = new TreeMap<>();
    known.put("namespaces", "WATCH_NAMESPACES");
    known.put("leader-election", "LEADER_ELECTION");
    known.put("lease-name", "LEASE_NAME");
    known.put("lease-namespace", "LEASE_NAMESPACE");
    known.put("probe-interval", "PROBE_INTERVAL");
    known.put("health-port", "HEALTH_PORT");
    known.put("default-execution-mode", "DEFAULT_EXECUTION_MODE");
    known.put("default-gateway-cluster", "DEFAULT_GATEWAY_CLUSTER");
    known.put("default-proxy-url", "DEFAULT_PROXY_URL");
    known.put("default-proxy-secret", "DEFAULT_PROXY_SECRET");
    known.put("default-no-proxy", "DEFAULT_NO_PROXY");
    known.put("gateway-namespace", "GATEWAY_NAMESPACE");
    known.put("gateway-token-file", "GATEWAY_TOKEN_FILE");
    for (String name : options.keySet()) {
      if (!known.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown option --"
                + name
                + ", known options: --"
                + String.join(", --", known.keySet()));
      }
    }
    known.forEach((option, variable) -> options.computeIfAbsent(option, o -> env.get(variable)));

    Set<String> namespaces =
        Arrays.stream(options.getOrDefault("namespaces", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    boolean leaderElection =
        !"false".equalsIgnoreCase(options.getOrDefault("leader-election", "true"));
    String leaseName = options.getOrDefault("lease-name", OperatorSettings.DEFAULT_LEASE_NAME);
    String leaseNamespace = options.get("lease-namespace");
    java.time.Duration probeInterval =
        options.get("probe-interval") == null
            ? OperatorSettings.DEFAULT_PROBE_INTERVAL
            : parseDuration("probe-interval", options.get("probe-interval"));
    int healthPort =
        parsePort(
            options.getOrDefault(
                "health-port", String.valueOf(OperatorSettings.DEFAULT_HEALTH_PORT)));
    GatewayDefaults gateway =
        GatewayDefaults.parse(
            options.get("default-execution-mode"),
            options.get("default-gateway-cluster"),
            options.get("default-proxy-url"),
            options.get("default-proxy-secret"),
            options.get("default-no-proxy"));
    return new OperatorSettings(
        namespaces,
        leaderElection,
        leaseName,
        leaseNamespace,
        probeInterval,
        healthPort,
        gateway,
        blankToNull(env.get("OPERATOR_NAMESPACE")),
        blankToNull(options.get("gateway-namespace")),
        gatewayTokenFile(options.get("gateway-token-file")));
  }

  private static Path gatewayTokenFile(String value) {
    String path = blankToNull(value);
    if (path == null) {
      return null;
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "invalid --gateway-token-file " + value + ", expected a file path", e);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static java.time.Duration parseDuration(String option, String value) {
    try {
      return Duration.parse(value).getDuration();
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "invalid --" + option + " " + value + ", expected a duration such as 5m or 30s", e);
    }
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid --health-port " + value + ", expected a port number or -1", e);
    }
  }
}
