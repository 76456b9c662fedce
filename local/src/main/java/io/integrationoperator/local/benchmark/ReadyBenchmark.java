package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.model.IntegrationModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures how long the operator takes to make N Integrations Ready, and how much memory it uses
 * for them.
 *
 * <p>The benchmark JVM runs local mode's embedded API server and a target API with HTTP Basic
 * authentication on 127.0.0.1. The operator runs as a separate JVM from its runnable jar, so that
 * its heap, resident set and CPU time are its own. The benchmark creates one IntegrationModel and
 * one Secret, waits until the operator has made the model Ready, then creates N Integrations and
 * lists them until all are Ready or the deadline passes.
 */
@Command(
    name = "ready-benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Creates N Integrations against local mode's embedded API server, runs the operator jar as"
          + " a separate process, and prints the time until all Integrations are Ready and the"
          + " operator's heap, resident set and CPU time.",
      "Exits with 1 when not all Integrations are Ready before the deadline."
    })
public final class ReadyBenchmark implements Callable<Integer> {

  /** Directory searched for the operator's runnable jar when --operator-jar is not given. */
  static final Path DEFAULT_OPERATOR_JAR_DIRECTORY = Path.of("operator", "target");

  static final String OPERATOR_JAR_GLOB = "integration-operator-operator-*-all.jar";

  @Spec CommandSpec spec;

  @Option(
      names = "--integrations",
      paramLabel = "N",
      description = "Number of Integrations to create (default: ${DEFAULT-VALUE}).")
  int integrations = 1000;

  @Option(
      names = "--operator-jar",
      paramLabel = "FILE",
      description =
          "The operator's runnable jar (default: the only "
              + OPERATOR_JAR_GLOB
              + " in operator/target).")
  Path operatorJar;

  @Option(
      names = "--operator-jvm-options",
      paramLabel = "OPTIONS",
      description = "JVM options of the operator process, separated by spaces (default: -Xmx512m).")
  String operatorJvmOptions = "-Xmx512m";

  @Option(
      names = "--create-threads",
      paramLabel = "N",
      description = "Threads that create Integrations (default: ${DEFAULT-VALUE}).")
  int createThreads = 4;

  @Option(
      names = "--target-threads",
      paramLabel = "N",
      description = "Threads of the target API server (default: ${DEFAULT-VALUE}).")
  int targetThreads = 8;

  @Option(
      names = "--poll-interval-millis",
      paramLabel = "MS",
      description =
          "Minimum pause between two list calls that check readiness, in milliseconds; the pause"
              + " is also at least 4 times the last list's duration (default: ${DEFAULT-VALUE}).")
  long pollIntervalMillis = 1000;

  @Option(
      names = "--timeout-seconds",
      paramLabel = "S",
      description =
          "Deadline for the operator to start and make all Integrations Ready, in seconds"
              + " (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 1200;

  @Option(
      names = "--settle-seconds",
      paramLabel = "S",
      description =
          "Time to watch for further writes and probes after all Integrations are Ready, in"
              + " seconds; 0 skips it (default: ${DEFAULT-VALUE}).")
  long settleSeconds = 30;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Directory for the kubeconfig and the operator's log (default: ${DEFAULT-VALUE}).")
  Path workDirectory = Path.of("target", "benchmark");

  private final PrintStream out = System.out;

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "integration-operator-local-logback.xml");
    }
    System.exit(new CommandLine(new ReadyBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    validateOptions();
    Path jar = operatorJar != null ? operatorJar : findOperatorJar();
    List<String> jvmOptions =
        Arrays.stream(operatorJvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    Files.createDirectories(workDirectory);

    out.println("Machine:");
    MachineFacts.describe().forEach(line -> out.println("  " + line));
    out.println();

    BenchmarkEnvironment environment = BenchmarkEnvironment.start(workDirectory, targetThreads);
    Thread stopOnExit = new Thread(environment::close, "benchmark-shutdown");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      return run(environment, jar, jvmOptions);
    } finally {
      environment.close();
      removeShutdownHook(stopOnExit);
    }
  }

  private int run(BenchmarkEnvironment environment, Path jar, List<String> jvmOptions)
      throws IOException, InterruptedException {
    KubernetesClient client = environment.client();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    out.println("API server:      " + environment.apiServerUrl());
    out.println("Target API:      http://" + TargetServer.HOST + ":" + environment.target().port());
    out.println("Kubeconfig:      " + environment.kubeconfig().toAbsolutePath());
    client.resource(BenchmarkObjects.loginSecret(BenchmarkEnvironment.NAMESPACE)).create();
    client.resource(BenchmarkObjects.model(BenchmarkEnvironment.NAMESPACE)).create();

    Path log = workDirectory.resolve("operator.log");
    long operatorStarted = System.nanoTime();
    OperatorProcess operator = environment.startOperator(jar, jvmOptions, log);
    out.println("Operator:        pid " + operator.pid() + ", " + jar + " " + jvmOptions);
    out.println("Operator log:    " + log.toAbsolutePath());
    if (!awaitModelReady(client, operator, deadline)) {
      out.println("\nThe operator did not make the IntegrationModel Ready; see " + log);
      return 1;
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - operatorStarted);

    BenchmarkFigures figures = measure(environment, operator, startup, deadline);
    out.println();
    figures.print(out);
    if (!figures.outcome().allReady()) {
      out.println(
          "\nNot all Integrations were Ready within "
              + timeoutSeconds
              + " s. Ready reasons: "
              + figures.outcome().last().readyReasons());
      return 1;
    }
    return 0;
  }

  /** Creates the Integrations, waits until all are Ready and collects the figures. */
  private BenchmarkFigures measure(
      BenchmarkEnvironment environment, OperatorProcess operator, Duration startup, long deadline)
      throws IOException, InterruptedException {
    KubernetesClient client = environment.client();
    TargetServer target = environment.target();
    MemorySample idle = MemorySample.take(operator);

    ReadyRun readyRun =
        new ReadyRun(client, operator, integrations, Duration.ofMillis(pollIntervalMillis), out);
    Optional<Duration> cpuBefore = ProcessHandle.current().info().totalCpuDuration();
    ReadyRun.Outcome outcome = readyRun.createAndAwait(createThreads, target.port(), deadline);
    Optional<Duration> cpuAfter = ProcessHandle.current().info().totalCpuDuration();
    MemorySample loaded = operator.isAlive() ? MemorySample.take(operator) : null;
    long requestsAtReady = target.requests();

    QuietPeriod quiet =
        outcome.allReady() && settleSeconds > 0
            ? QuietPeriod.observe(client, operator, target, Duration.ofSeconds(settleSeconds))
            : null;
    return new BenchmarkFigures(
        integrations,
        operatorJvmOptions,
        createThreads,
        pollIntervalMillis,
        startup,
        idle,
        outcome,
        loaded,
        cpuBefore.isPresent() && cpuAfter.isPresent()
            ? cpuAfter.get().minus(cpuBefore.get())
            : null,
        requestsAtReady,
        target.authenticatedRequests(),
        quiet,
        ObjectCounts.list(client, BenchmarkEnvironment.NAMESPACE),
        operator.logCounts());
  }

  /** Waits until the benchmark's IntegrationModel has Ready=True, or the deadline passes. */
  private boolean awaitModelReady(KubernetesClient client, OperatorProcess operator, long deadline)
      throws InterruptedException {
    while (System.nanoTime() < deadline && operator.isAlive()) {
      IntegrationModel model =
          client
              .resources(IntegrationModel.class)
              .inNamespace(BenchmarkEnvironment.NAMESPACE)
              .withName(BenchmarkObjects.MODEL_NAME)
              .get();
      boolean ready =
          model != null
              && model.getStatus() != null
              && model.getStatus().getConditions().stream()
                  .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      if (ready) {
        return true;
      }
      Thread.sleep(pollIntervalMillis);
    }
    return false;
  }

  private void validateOptions() {
    requireRange("--integrations", integrations, 1, 100_000);
    requireRange("--create-threads", createThreads, 1, 64);
    requireRange("--target-threads", targetThreads, 1, 256);
    requireRange("--poll-interval-millis", pollIntervalMillis, 100, 60_000);
    requireRange("--timeout-seconds", timeoutSeconds, 10, 24 * 3600);
    requireRange("--settle-seconds", settleSeconds, 0, 3600);
  }

  private void requireRange(String option, long value, long minimum, long maximum) {
    if (value < minimum || value > maximum) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value " + value + " for " + option + ": expected " + minimum + " to " + maximum);
    }
  }

  private Path findOperatorJar() throws IOException {
    List<Path> jars = new ArrayList<>();
    if (Files.isDirectory(DEFAULT_OPERATOR_JAR_DIRECTORY)) {
      try (DirectoryStream<Path> found =
          Files.newDirectoryStream(DEFAULT_OPERATOR_JAR_DIRECTORY, OPERATOR_JAR_GLOB)) {
        found.forEach(jars::add);
      }
    }
    if (jars.size() != 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Expected exactly one "
              + OPERATOR_JAR_GLOB
              + " in "
              + DEFAULT_OPERATOR_JAR_DIRECTORY.toAbsolutePath()
              + ", found "
              + jars.size()
              + "; build the operator module or pass --operator-jar");
    }
    return jars.get(0);
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook runs anyway.
    }
  }
}
