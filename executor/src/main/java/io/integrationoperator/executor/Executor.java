package io.integrationoperator.executor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.client.gateway.GatewayEndpoints;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenHolder;
import io.integrationoperator.executor.authorization.CallerAuthorizer;
import io.integrationoperator.executor.calls.CallObserver;
import io.integrationoperator.executor.calls.ReportingCallObserver;
import io.integrationoperator.executor.calls.TaskCalls;
import io.integrationoperator.executor.forwarding.GatewayForwarder;
import io.integrationoperator.executor.integrations.CallTargets;
import io.integrationoperator.executor.integrations.ExecutionRouting;
import io.integrationoperator.executor.integrations.IntegrationDirectory;
import io.integrationoperator.executor.logging.IntegrationLoggers;
import io.integrationoperator.executor.metrics.ExecutorMetrics;
import io.integrationoperator.executor.server.ExecutorServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running executor: the informer caches, the Integration loggers, the metrics and the HTTP
 * server. {@link ExecutorMain} runs one in a cluster and local mode runs one in its own process;
 * {@link #close()} stops all of them.
 */
public final class Executor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

  private final IntegrationDirectory directory;
  private final HttpClientFactory clients;
  private final ExecutorMetrics metrics;
  private final IntegrationLoggers loggers;
  private final ExecutorServer server;
  private final Optional<GatewayForwarder> forwarder;

  private Executor(
      IntegrationDirectory directory,
      HttpClientFactory clients,
      ExecutorMetrics metrics,
      IntegrationLoggers loggers,
      ExecutorServer server,
      Optional<GatewayForwarder> forwarder) {
    this.directory = directory;
    this.clients = clients;
    this.metrics = metrics;
    this.loggers = loggers;
    this.server = server;
    this.forwarder = forwarder;
  }

  /**
   * Starts the informers and the HTTP server. The server accepts requests at once; /readyz turns
   * 200 when the informers have their first lists.
   *
   * @throws IOException when the server cannot listen on the configured address
   */
  public static Executor start(KubernetesClient client, ExecutorSettings settings)
      throws IOException {
    return start(client, settings, Optional.<CallObserver>empty());
  }

  /**
   * Starts the executor as {@link #start(KubernetesClient, ExecutorSettings)} does, reporting calls
   * and denied callers to {@code observer} in place of the Integration loggers and metrics.
   */
  public static Executor start(
      KubernetesClient client, ExecutorSettings settings, CallObserver observer)
      throws IOException {
    return start(client, settings, Optional.of(observer));
  }

  private static Executor start(
      KubernetesClient client, ExecutorSettings settings, Optional<CallObserver> observer)
      throws IOException {
    IntegrationDirectory directory = IntegrationDirectory.start(client, settings.namespaces());
    HttpClientFactory clients = new HttpClientFactory();
    ExecutorMetrics metrics =
        ExecutorMetrics.prometheus(
            (namespace, name) -> directory.integration(namespace, name).isPresent());
    IntegrationLoggers loggers = IntegrationLoggers.create(metrics::recordSyslogDrop);
    TokenCaches tokens =
        new TokenCaches(
            id -> new SecretTokenStore(client, id, TokenHolder.name()),
            Clock.systemUTC(),
            (id, succeeded) -> metrics.recordTokenRequest(id.namespace(), id.name(), succeeded));
    directory.onIntegrationChanges(
        loggers::apply,
        (namespace, name) -> {
          loggers.remove(namespace, name);
          metrics.remove(namespace, name);
          tokens.remove(new IntegrationId(namespace, name));
        });
    Optional<GatewayForwarder> forwarder = Optional.empty();
    try {
      Optional<CallerAuthorizer> authorizer =
          settings.authorization()
              ? Optional.of(
                  new CallerAuthorizer(
                      client,
                      settings.tokenAudience(),
                      settings.authorizationCacheTtl(),
                      settings.authorizationCacheSize()))
              : Optional.empty();
      CallTargets targets = new CallTargets(directory, client, routing(settings));
      forwarder = forwarder(client, settings);
      Optional<GatewayForwarder> forwarding = forwarder;
      TaskCalls calls =
          new TaskCalls(
              authorizer,
              targets,
              clients,
              tokens,
              settings.maxResponseBodyBytes(),
              observer.orElseGet(() -> new ReportingCallObserver(loggers, metrics)),
              forwarding);
      ExecutorServer server =
          ExecutorServer.start(
              new InetSocketAddress(settings.bindAddress(), settings.port()),
              settings.threads(),
              calls,
              () -> ready(directory, forwarding),
              metrics::scrape);
      LOG.info(
          "Executor listening on {}:{}: mode={}{}{}, namespaces={}, callerAuthorization={}",
          settings.bindAddress(),
          server.port(),
          settings.mode().optionValue(),
          settings.gatewayCluster().map(c -> ", gatewayCluster=" + c).orElse(""),
          forwarding.isPresent() ? ", gatewayNamespace=" + settings.gatewayNamespace() : "",
          settings.namespaces().isEmpty() ? "all" : settings.namespaces(),
          settings.authorization() ? "on" : "off");
      return new Executor(directory, clients, metrics, loggers, server, forwarding);
    } catch (IOException | RuntimeException e) {
      forwarder.ifPresent(GatewayForwarder::close);
      directory.close();
      clients.close();
      loggers.close();
      metrics.close();
      throw e;
    }
  }

  /**
   * Returns the routing: every executor serves its gateway cluster, and a sidecar runs Direct calls
   * and forwards the others.
   */
  private static ExecutionRouting routing(ExecutorSettings settings) {
    return new ExecutionRouting(settings.mode() == ExecutorMode.SIDECAR, settings.servedClusters());
  }

  /** Returns the forwarder of a sidecar, which watches the gateway clusters' Services. */
  private static Optional<GatewayForwarder> forwarder(
      KubernetesClient client, ExecutorSettings settings) {
    if (settings.mode() != ExecutorMode.SIDECAR) {
      return Optional.empty();
    }
    String from = settings.gatewayCluster().orElse("sidecar");
    return Optional.of(
        new GatewayForwarder(GatewayEndpoints.start(client, settings.gatewayNamespace()), from));
  }

  /** Returns the port the HTTP server listens on. */
  public int port() {
    return server.port();
  }

  /** Returns true once the informers have their first lists. */
  public boolean ready() {
    return ready(directory, forwarder);
  }

  private static boolean ready(
      IntegrationDirectory directory, Optional<GatewayForwarder> forwarder) {
    return directory.synced() && forwarder.map(GatewayForwarder::synced).orElse(true);
  }

  @Override
  public void close() {
    server.close();
    forwarder.ifPresent(GatewayForwarder::close);
    directory.close();
    clients.close();
    loggers.close();
    metrics.close();
  }
}
