package io.integrationoperator.executor;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.integrationoperator.client.connection.DurationText;
import io.integrationoperator.executor.server.ExecutorServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the executor in a cluster. It connects with the current kubeconfig or, inside a pod, with
 * the pod's ServiceAccount (the fabric8 default configuration tries both).
 *
 * <p>Options, each also settable through the environment variable in brackets:
 *
 * <ul>
 *   <li>{@code --port=8080} [EXECUTOR_PORT]: port of the task API, /healthz and /readyz
 *   <li>{@code --bind-address=0.0.0.0} [EXECUTOR_BIND_ADDRESS]: address the server listens on
 *   <li>{@code --namespaces=a,b} [WATCH_NAMESPACES]: namespaces whose Integrations are served, one
 *       or a comma-separated list; empty serves all
 *   <li>{@code --authorization=true|false} [EXECUTOR_AUTHORIZATION]: check callers with TokenReview
 *       and SubjectAccessReview (default true)
 *   <li>{@code --authorization-cache-ttl=10s} [AUTHORIZATION_CACHE_TTL]: how long review answers
 *       are reused; 0s turns the cache off
 *   <li>{@code --authorization-cache-size=10000} [AUTHORIZATION_CACHE_SIZE]: cached answers of each
 *       kind
 *   <li>{@code --max-response-body-size=10Mi} [MAX_RESPONSE_BODY_SIZE]: longest response body
 *       returned, as a Kubernetes quantity
 *   <li>{@code --mode=sidecar|gateway} [EXECUTOR_MODE]: deployment mode (default sidecar)
 *   <li>{@code --gateway-cluster=NAME} [GATEWAY_CLUSTER]: gateway cluster whose calls this executor
 *       runs; required in gateway mode, optional for a sidecar
 *   <li>{@code --gateway-namespace=NAME} [GATEWAY_NAMESPACE]: namespace of the gateway clusters'
 *       labelled Services, to which a sidecar forwards calls (default: the pod's namespace from
 *       POD_NAMESPACE, else {@code default})
 *   <li>{@code --threads=32} [EXECUTOR_THREADS]: request threads, which bound the calls in flight
 *   <li>{@code --token-audience=AUD} [TOKEN_AUDIENCE]: audience callers' tokens must be issued for;
 *       unset accepts tokens of the API server's default audiences
 * </ul>
 */
public final class ExecutorMain {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorMain.class);

  /** Option names and the environment variables that set them when the option is absent. */
  private static final Map<String, String> OPTIONS = options();

  private ExecutorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    ExecutorServer.enableNoDelay();
    ExecutorSettings settings;
    try {
      settings = parseSettings(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("integration-operator-executor: " + e.getMessage());
      System.exit(2);
      return;
    }

    KubernetesClient client = new KubernetesClientBuilder().build();
    Executor executor = Executor.start(client, settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the executor");
                  executor.close();
                  client.close();
                  stopped.countDown();
                },
                "executor-shutdown"));
    stopped.await();
  }

  /**
   * Builds settings from {@code --name=value} arguments, falling back to environment variables and
   * then to defaults.
   *
   * @throws IllegalArgumentException on an unknown option or an invalid value
   */
  static ExecutorSettings parseSettings(String[] args, Map<String, String> env) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("invalid argument " + arg + ", expected --name=value");
      }
      String name = arg.substring(2, equals);
      if (!OPTIONS.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown option --"
                + name
                + ", known options: --"
                + String.join(", --", OPTIONS.keySet()));
      }
      options.put(name, arg.substring(equals + 1));
    }
    OPTIONS.forEach((option, variable) -> options.computeIfAbsent(option, o -> env.get(variable)));

    ExecutorMode mode = ExecutorMode.parse(options.getOrDefault("mode", "sidecar"));
    Optional<String> cluster =
        Optional.ofNullable(options.get("gateway-cluster"))
            .map(String::trim)
            .filter(s -> !s.isEmpty());
    if (mode == ExecutorMode.GATEWAY && cluster.isEmpty()) {
      throw new IllegalArgumentException(
          "--mode=gateway needs --gateway-cluster (or GATEWAY_CLUSTER) naming the cluster");
    }
    return new ExecutorSettings(
        options.getOrDefault("bind-address", "0.0.0.0"),
        parseInt("port", options.get("port"), ExecutorSettings.DEFAULT_PORT, 0, 65535),
        parseNamespaces(options.getOrDefault("namespaces", "")),
        parseBoolean("authorization", options.getOrDefault("authorization", "true")),
        parseDuration(
            "authorization-cache-ttl",
            options.get("authorization-cache-ttl"),
            ExecutorSettings.DEFAULT_AUTHORIZATION_CACHE_TTL),
        parseInt(
            "authorization-cache-size",
            options.get("authorization-cache-size"),
            ExecutorSettings.DEFAULT_AUTHORIZATION_CACHE_SIZE,
            1,
            Integer.MAX_VALUE),
        parseSize(options.get("max-response-body-size")),
        mode,
        cluster,
        parseInt("threads", options.get("threads"), ExecutorSettings.DEFAULT_THREADS, 1, 1024),
        gatewayNamespace(options.get("gateway-namespace"), env.get("POD_NAMESPACE")),
        Optional.ofNullable(options.get("token-audience"))
            .map(String::trim)
            .filter(s -> !s.isEmpty()));
  }

  private static Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("port", "EXECUTOR_PORT");
    options.put("bind-address", "EXECUTOR_BIND_ADDRESS");
    options.put("namespaces", "WATCH_NAMESPACES");
    options.put("authorization", "EXECUTOR_AUTHORIZATION");
    options.put("authorization-cache-ttl", "AUTHORIZATION_CACHE_TTL");
    options.put("authorization-cache-size", "AUTHORIZATION_CACHE_SIZE");
    options.put("max-response-body-size", "MAX_RESPONSE_BODY_SIZE");
    options.put("mode", "EXECUTOR_MODE");
    options.put("gateway-cluster", "GATEWAY_CLUSTER");
    options.put("gateway-namespace", "GATEWAY_NAMESPACE");
    options.put("threads", "EXECUTOR_THREADS");
    options.put("token-audience", "TOKEN_AUDIENCE");
    return options;
  }

  /** Returns the configured namespace, else the pod's own, else {@code default}. */
  private static String gatewayNamespace(String configured, String podNamespace) {
    for (String value : new String[] {configured, podNamespace}) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return ExecutorSettings.DEFAULT_GATEWAY_NAMESPACE;
  }

  private static Set<String> parseNamespaces(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  private static boolean parseBoolean(String option, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "invalid --" + option + " " + value + ", expected true or false");
    };
  }

  private static int parseInt(String option, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    throw new IllegalArgumentException(
        "invalid --"
            + option
            + " "
            + value
            + ", expected a whole number from "
            + min
            + " to "
            + max);
  }

  private static Duration parseDuration(String option, String value, Duration fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (value.trim().equals("0")) {
      return Duration.ZERO;
    }
    return DurationText.parse(value.trim())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "invalid --"
                        + option
                        + " "
                        + value
                        + ", expected a duration such as 10s or 1m"));
  }

  private static long parseSize(String value) {
    if (value == null || value.isBlank()) {
      return ExecutorSettings.DEFAULT_MAX_RESPONSE_BODY_BYTES;
    }
    try {
      long bytes = Quantity.getAmountInBytes(new Quantity(value.trim())).longValueExact();
      if (bytes > 0 && bytes <= Integer.MAX_VALUE) {
        return bytes;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // Reported below with an example.
    }
    throw new IllegalArgumentException(
        "invalid --max-response-body-size "
            + value
            + ", expected a positive size below 2Gi such as 10Mi or 500000");
  }
}
