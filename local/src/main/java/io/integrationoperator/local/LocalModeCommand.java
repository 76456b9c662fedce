package io.integrationoperator.local;

import io.integrationoperator.executor.server.ExecutorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command line entry point of local mode. */
@Command(
    name = "integration-operator-local",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an in-memory Kubernetes API server on 127.0.0.1 with the Integration Operator"
          + " CRDs, the operator and the executor in one process, applies manifests,"
          + " writes a kubeconfig for kubectl and prints the conditions of every Integration"
          + " until interrupted.",
      "This is a try-out and test harness. To install on a cluster, see the README."
    })
public final class LocalModeCommand implements Callable<Integer> {

  /** Kubeconfig location when --kubeconfig is not given, relative to the working directory. */
  static final Path DEFAULT_KUBECONFIG = Path.of("target", "local", "kubeconfig");

  /** Manifest directory applied when no --apply is given, relative to the working directory. */
  static final Path DEFAULT_APPLY = Path.of("samples");

  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Where to write the kubeconfig for kubectl (default: ${DEFAULT-VALUE}).")
  Path kubeconfig = DEFAULT_KUBECONFIG;

  @Option(
      names = "--executor-port",
      paramLabel = "N",
      description = "TCP port for the executor on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int executorPort = 8080;

  @Option(
      names = "--executor-authorization",
      description =
          "Make the executor check callers with TokenReview and SubjectAccessReview, as on a"
              + " cluster. Off by default, because the embedded API server serves neither review.")
  boolean executorAuthorization;

  @Option(
      names = "--api-port",
      paramLabel = "N",
      description =
          "TCP port for the API server on 127.0.0.1; 0 picks a free port (default:"
              + " ${DEFAULT-VALUE}, which the sample Integration local-api calls).")
  int apiPort = 18080;

  @Option(
      names = "--apply",
      paramLabel = "PATH",
      description =
          "Manifest file or directory to apply after the CRDs; repeatable (default: samples/,"
              + " skipped when missing).")
  List<Path> apply = new ArrayList<>();

  public static void main(String[] args) {
    // Before the operator's health server, so that the executor's server gets TCP_NODELAY too.
    ExecutorServer.enableNoDelay();
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "integration-operator-local-logback.xml");
    }
    CommandLine commandLine = new CommandLine(new LocalModeCommand());
    commandLine.setExecutionExceptionHandler(
        (exception, line, parseResult) -> {
          line.getErr().println("Local mode failed to start: " + exception.getMessage());
          LoggerFactory.getLogger(LocalModeCommand.class).debug("Start failure", exception);
          return 1;
        });
    System.exit(commandLine.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    validatePort("--executor-port", executorPort, 1);
    validatePort("--api-port", apiPort, 0);
    for (Path path : apply) {
      if (!Files.exists(path)) {
        throw new ParameterException(
            spec.commandLine(), "Invalid value for --apply: " + path + " does not exist");
      }
    }
    boolean defaultApply = apply.isEmpty();
    LocalModeOptions options =
        new LocalModeOptions(
            kubeconfig,
            apiPort,
            executorPort,
            defaultApply ? List.of(DEFAULT_APPLY) : apply,
            defaultApply,
            true,
            executorAuthorization);
    CountDownLatch stopped = new CountDownLatch(1);
    LocalMode localMode = LocalMode.start(options, System.out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping local mode...");
                  localMode.close();
                  stopped.countDown();
                },
                "local-mode-shutdown"));
    stopped.await();
    return 0;
  }

  private void validatePort(String option, int port, int minimum) {
    if (port < minimum || port > 65535) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value "
              + port
              + " for "
              + option
              + ": expected a port from "
              + minimum
              + " to 65535");
    }
  }
}
