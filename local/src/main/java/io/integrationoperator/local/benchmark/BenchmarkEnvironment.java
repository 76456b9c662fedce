package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.integrationoperator.local.CrdInstaller;
import io.integrationoperator.local.KubeconfigWriter;
import io.integrationoperator.local.apiserver.LocalApiServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The parts of a benchmark run besides the operator: the target API, local mode's embedded API
 * server with the CRDs installed, a client for it and the kubeconfig the operator uses. {@link
 * #close()} stops everything, the operator process first, and may be called more than once.
 *
 * <p>The API server is started here rather than through {@code LocalMode}, because {@code
 * LocalMode} also starts the condition table printer. With thousands of Integrations that printer
 * would render the whole table on every burst of status changes in this JVM and hold an extra watch
 * open, which takes CPU from the operator under test.
 */
final class BenchmarkEnvironment implements AutoCloseable {

  /** Namespace of every object the benchmark creates. */
  static final String NAMESPACE = "default";

  private final TargetServer target;
  private LocalApiServer apiServer;
  private KubernetesClient client;
  private Path kubeconfig;
  private OperatorProcess operator;
  private boolean closed;

  private BenchmarkEnvironment(TargetServer target) {
    this.target = target;
  }

  /**
   * Starts the target API and the API server, installs the CRDs and writes the kubeconfig to {@code
   * workDirectory/kubeconfig}.
   */
  static BenchmarkEnvironment start(Path workDirectory, int targetThreads) throws IOException {
    TargetServer target =
        TargetServer.start(BenchmarkObjects.USERNAME, BenchmarkObjects.PASSWORD, targetThreads);
    BenchmarkEnvironment environment = new BenchmarkEnvironment(target);
    try {
      environment.startApiServer(workDirectory.resolve("kubeconfig"));
      return environment;
    } catch (IOException | RuntimeException e) {
      environment.close();
      throw e;
    }
  }

  private void startApiServer(Path kubeconfigFile) throws IOException {
    apiServer = new LocalApiServer(0);
    apiServer.start();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(apiServer.url())
            .withNamespace(NAMESPACE)
            .build();
    client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build();
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    CrdInstaller.install(client);
    KubeconfigWriter.write(kubeconfigFile, apiServer.url(), NAMESPACE);
    kubeconfig = kubeconfigFile;
  }

  /** Starts the operator process against this environment's API server. */
  synchronized OperatorProcess startOperator(Path jar, List<String> jvmOptions, Path log)
      throws IOException {
    if (closed) {
      throw new IllegalStateException("The benchmark environment is already stopped");
    }
    operator = OperatorProcess.start(jar, jvmOptions, kubeconfig, log);
    return operator;
  }

  TargetServer target() {
    return target;
  }

  KubernetesClient client() {
    return client;
  }

  String apiServerUrl() {
    return apiServer.url();
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (operator != null) {
      operator.close();
    }
    if (client != null) {
      client.close();
    }
    if (apiServer != null) {
      apiServer.close();
    }
    target.close();
  }
}
