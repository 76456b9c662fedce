package io.integrationoperator.local;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.integrationoperator.executor.Executor;
import io.integrationoperator.executor.ExecutorSettings;
import io.integrationoperator.local.apiserver.ApiRequestRouter;
import io.integrationoperator.local.apiserver.LocalApiServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of local mode: the embedded API server with the CRDs installed, a kubeconfig
 * for kubectl, the operator, the executor and the condition table printer. {@link #close()} stops
 * them in reverse order.
 */
public final class LocalMode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalMode.class);

  /** Namespace that kubectl and manifests without a namespace use. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * Namespace of the operator in local mode, which contains the Services of the gateway clusters,
   * {@value LocalGatewayCluster#NAME} included.
   */
  public static final String OPERATOR_NAMESPACE = DEFAULT_NAMESPACE;

  private final LocalModeOptions options;
  private final PrintStream out;
  private LocalApiServer apiServer;
  private KubernetesClient client;
  private OperatorRunner operator;
  private Executor executor;
  private ConditionReporter reporter;

  private LocalMode(LocalModeOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Starts local mode and returns once the manifests are applied.
   *
   * @throws IOException when the kubeconfig or a manifest cannot be written or read
   */
  public static LocalMode start(LocalModeOptions options, PrintStream out) throws IOException {
    LocalMode localMode = new LocalMode(options, out);
    try {
      localMode.startAll();
      return localMode;
    } catch (IOException | RuntimeException e) {
      localMode.close();
      throw e;
    }
  }

  private void startAll() throws IOException {
    out.println(
        "Integration Operator local mode: a try-out and test harness with an in-memory API"
            + " server. To install on a cluster, see the README.");
    startApiServer();
    startOperator();
    startExecutor();

    applyManifests();
    reporter = new ConditionReporter(client, out);
    reporter.start();
    reporter.printNow();
    out.println(
        "\nTry: kubectl --kubeconfig "
            + options.kubeconfig()
            + " get integrationmodels,integrations\nStop with Ctrl-C.");
  }

  private void startApiServer() throws IOException {
    apiServer = new LocalApiServer(options.apiPort());
    apiServer.start();
    client = clientFor(apiServer.url());
    for (String namespace : ApiRequestRouter.SYSTEM_NAMESPACES) {
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    List<String> crds = CrdInstaller.install(client);
    KubeconfigWriter.write(options.kubeconfig(), apiServer.url(), DEFAULT_NAMESPACE);
    out.println("API server:  " + apiServer.url() + " (CRDs: " + String.join(", ", crds) + ")");
    out.println("Kubeconfig:  " + options.kubeconfig().toAbsolutePath());
  }

  private void startOperator() {
    if (options.startOperator()) {
      operator = OperatorRunner.start(client);
      out.println("Operator:    " + operator.description());
    } else {
      out.println("Operator:    not started");
    }
  }

  /**
   * Starts the executor as the sidecar that also runs the calls of gateway cluster {@value
   * LocalGatewayCluster#NAME}, and points that cluster's Service at it. With executor port 0 the
   * EndpointSlice carries the port the executor picked.
   */
  private void startExecutor() throws IOException {
    executor =
        Executor.start(
            client,
            ExecutorSettings.local(
                options.executorPort(),
                options.executorAuthorization(),
                Optional.of(LocalGatewayCluster.NAME),
                OPERATOR_NAMESPACE));
    LocalGatewayCluster.create(client, OPERATOR_NAMESPACE, executor.port());
    out.println(
        "Executor:    http://127.0.0.1:"
            + executor.port()
            + (options.executorAuthorization()
                ? " (caller authorization on: callers need a bearer token, and this API server"
                    + " serves no TokenReview, so calls are answered 503)"
                : " (caller authorization off: any local process may call tasks)"));
    out.println(
        "Gateway:     cluster "
            + LocalGatewayCluster.NAME
            + " is this executor (Service "
            + LocalGatewayCluster.SERVICE
            + " in namespace "
            + OPERATOR_NAMESPACE
            + ")");
  }

  private void applyManifests() throws IOException {
    ManifestApplier applier = new ManifestApplier(client);
    for (Path path : options.applyPaths()) {
      if (options.defaultApplyPath() && !Files.exists(path)) {
        out.println("Nothing applied: the default manifest directory " + path + " does not exist.");
        continue;
      }
      int count = applier.apply(path).size();
      out.println("Applied " + count + " object(s) from " + path);
    }
  }

  /** Returns a client for the embedded API server that ignores the user's kubeconfig. */
  static KubernetesClient clientFor(String url) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withNamespace(DEFAULT_NAMESPACE)
            .build();
    // Both the JDK and the Vert.x HTTP client are on the class path; choosing one keeps fabric8
    // from picking at random and warning about it.
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  /** Returns the URL of the embedded API server. */
  public String apiServerUrl() {
    return apiServer.url();
  }

  /** Returns the port the executor listens on. */
  public int executorPort() {
    return executor.port();
  }

  /** Returns a client connected to the embedded API server; local mode closes it. */
  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    if (reporter != null) {
      reporter.close();
    }
    if (executor != null) {
      executor.close();
    }
    if (operator != null) {
      operator.close();
    }
    if (client != null) {
      client.close();
    }
    if (apiServer != null) {
      apiServer.close();
    }
    LOG.info("Local mode stopped");
  }
}
