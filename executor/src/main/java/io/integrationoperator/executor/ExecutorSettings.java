package io.integrationoperator.executor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runtime settings of the executor, shared by {@link ExecutorMain} and local mode.
 *
 * @param bindAddress address the HTTP server listens on, for example 0.0.0.0 or 127.0.0.1
 * @param port TCP port of the HTTP server; 0 picks a free port
 * @param namespaces namespaces whose Integrations the executor serves; empty means all namespaces
 * @param authorization whether callers must send a bearer token that passes TokenReview and
 *     SubjectAccessReview
 * @param authorizationCacheTtl how long TokenReview and SubjectAccessReview answers are reused
 * @param authorizationCacheSize maximum number of cached answers of each kind
 * @param maxResponseBodyBytes longest response body of an external server that a call returns;
 *     longer bodies are rejected with status 502
 * @param mode sidecar or gateway
 * @param gatewayCluster the gateway cluster this executor serves. It is required in gateway mode. A
 *     sidecar that sets it runs that cluster's calls itself, as local mode's executor does.
 * @param threads number of threads that serve requests, which bounds the calls in flight
 * @param gatewayNamespace namespace of the labelled Services that define the gateway clusters, to
 *     which a sidecar forwards calls
 * @param tokenAudience audience that callers' tokens must be issued for, checked by the
 *     TokenReview; empty accepts tokens of the API server's default audiences
 */
public record ExecutorSettings(
    String bindAddress,
    int port,
    Set<String> namespaces,
    boolean authorization,
    Duration authorizationCacheTtl,
    int authorizationCacheSize,
    long maxResponseBodyBytes,
    ExecutorMode mode,
    Optional<String> gatewayCluster,
    int threads,
    String gatewayNamespace,
    Optional<String> tokenAudience) {

  /** Port of the HTTP server when none is configured. */
  public static final int DEFAULT_PORT = 8080;

  /** Time for which authorization answers are reused when none is configured. */
  public static final Duration DEFAULT_AUTHORIZATION_CACHE_TTL = Duration.ofSeconds(10);

  /** Number of cached authorization answers of each kind when none is configured. */
  public static final int DEFAULT_AUTHORIZATION_CACHE_SIZE = 10_000;

  /** Longest response body when none is configured: 10 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BODY_BYTES = 10L * 1024 * 1024;

  /** Number of request threads when none is configured. */
  public static final int DEFAULT_THREADS = 32;

  /** Namespace of the gateway clusters' Services when none is configured. */
  public static final String DEFAULT_GATEWAY_NAMESPACE = "default";

  /** Creates settings whose gateway clusters are defined in {@value #DEFAULT_GATEWAY_NAMESPACE}. */
  public ExecutorSettings(
      String bindAddress,
      int port,
      Set<String> namespaces,
      boolean authorization,
      Duration authorizationCacheTtl,
      int authorizationCacheSize,
      long maxResponseBodyBytes,
      ExecutorMode mode,
      Optional<String> gatewayCluster,
      int threads) {
    this(
        bindAddress,
        port,
        namespaces,
        authorization,
        authorizationCacheTtl,
        authorizationCacheSize,
        maxResponseBodyBytes,
        mode,
        gatewayCluster,
        threads,
        DEFAULT_GATEWAY_NAMESPACE);
  }

  /** Creates settings that accept tokens of the API server's default audiences. */
  public ExecutorSettings(
      String bindAddress,
      int port,
      Set<String> namespaces,
      boolean authorization,
      Duration authorizationCacheTtl,
      int authorizationCacheSize,
      long maxResponseBodyBytes,
      ExecutorMode mode,
      Optional<String> gatewayCluster,
      int threads,
      String gatewayNamespace) {
    this(
        bindAddress,
        port,
        namespaces,
        authorization,
        authorizationCacheTtl,
        authorizationCacheSize,
        maxResponseBodyBytes,
        mode,
        gatewayCluster,
        threads,
        gatewayNamespace,
        Optional.empty());
  }

  public ExecutorSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(gatewayNamespace, "gatewayNamespace");
    namespaces = Set.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
    Objects.requireNonNull(authorizationCacheTtl, "authorizationCacheTtl");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(gatewayCluster, "gatewayCluster");
    Objects.requireNonNull(tokenAudience, "tokenAudience");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    if (authorizationCacheTtl.isNegative()) {
      throw new IllegalArgumentException(
          "authorizationCacheTtl must not be negative, got " + authorizationCacheTtl);
    }
    if (authorizationCacheSize < 1) {
      throw new IllegalArgumentException(
          "authorizationCacheSize must be at least 1, got " + authorizationCacheSize);
    }
    if (maxResponseBodyBytes < 1) {
      throw new IllegalArgumentException(
          "maxResponseBodyBytes must be positive, got " + maxResponseBodyBytes);
    }
    if (mode == ExecutorMode.GATEWAY && gatewayCluster.isEmpty()) {
      throw new IllegalArgumentException("gateway mode needs a gateway cluster name");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /**
   * Returns settings for an executor inside local mode: 127.0.0.1 on the given port, all
   * namespaces, sidecar mode and the default limits.
   */
  public static ExecutorSettings local(int port, boolean authorization) {
    return local(port, authorization, Optional.empty(), DEFAULT_GATEWAY_NAMESPACE);
  }

  /**
   * Returns settings for an executor inside local mode as {@link #local(int, boolean)} does, that
   * also serves {@code gatewayCluster} and finds other gateway clusters in {@code
   * gatewayNamespace}.
   */
  public static ExecutorSettings local(
      int port, boolean authorization, Optional<String> gatewayCluster, String gatewayNamespace) {
    return new ExecutorSettings(
        "127.0.0.1",
        port,
        Set.of(),
        authorization,
        DEFAULT_AUTHORIZATION_CACHE_TTL,
        DEFAULT_AUTHORIZATION_CACHE_SIZE,
        DEFAULT_MAX_RESPONSE_BODY_BYTES,
        ExecutorMode.SIDECAR,
        gatewayCluster,
        DEFAULT_THREADS,
        gatewayNamespace);
  }

  /** Returns the gateway clusters whose calls this executor runs. */
  public Set<String> servedClusters() {
    return gatewayCluster.map(Set::of).orElse(Set.of());
  }
}
