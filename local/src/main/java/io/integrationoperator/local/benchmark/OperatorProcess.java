package io.integrationoperator.local.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operator under test, running as a separate JVM from its runnable jar with a kubeconfig that
 * points at the benchmark's API server. Its output goes to a log file.
 */
final class OperatorProcess implements AutoCloseable {

  /** Environment variables removed from the operator's environment, so it reaches no other host. */
  private static final List<String> REMOVED_VARIABLES =
      List.of(
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "ALL_PROXY",
          "NO_PROXY",
          "http_proxy",
          "https_proxy",
          "all_proxy",
          "no_proxy",
          "KUBERNETES_MASTER",
          "KUBERNETES_SERVICE_HOST",
          "KUBERNETES_SERVICE_PORT");

  /** Operator options: one replica needs no Lease, and -1 opens no health port. */
  static final List<String> OPERATOR_ARGUMENTS =
      List.of("--leader-election=false", "--health-port=-1");

  private final Process process;
  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmOptions> -jar <jar>} with {@code KUBECONFIG} set to {@code kubeconfig}.
   *
   * @param log file that receives the operator's stdout and stderr
   */
  static OperatorProcess start(Path jar, List<String> jvmOptions, Path kubeconfig, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(JavaTools.executable("java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(OPERATOR_ARGUMENTS);

    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    REMOVED_VARIABLES.forEach(environment::remove);
    environment.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    // A service account token on this machine must not replace the kubeconfig's user.
    environment.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return new OperatorProcess(builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Returns the exit status, which exists only once {@link #isAlive()} is false. */
  int exitValue() {
    return process.exitValue();
  }

  Path log() {
    return log;
  }

  /** Returns the CPU time the operator process has used, user plus system. */
  Optional<Duration> cpuTime() {
    return process.toHandle().info().totalCpuDuration();
  }

  /** Reads VmRSS and VmHWM, in KiB, from {@code /proc/<pid>/status}. */
  ResidentMemory residentMemory() throws IOException {
    return ResidentMemory.read(Path.of("/proc", String.valueOf(pid()), "status"));
  }

  /**
   * Runs a full GC in the operator with {@code jcmd GC.run}, then reads {@code jcmd GC.heap_info}.
   */
  HeapUsage heapAfterFullGc() throws IOException {
    JavaTools.run(Duration.ofMinutes(1), "jcmd", String.valueOf(pid()), "GC.run");
    String heapInfo =
        JavaTools.run(Duration.ofMinutes(1), "jcmd", String.valueOf(pid()), "GC.heap_info");
    return HeapUsage.parse(heapInfo);
  }

  /** Counts lines of the operator's log, and those at WARN and ERROR level. */
  LogCounts logCounts() throws IOException {
    long lines = 0;
    long warnings = 0;
    long errors = 0;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      lines++;
      if (line.contains(" WARN ")) {
        warnings++;
      } else if (line.contains(" ERROR ")) {
        errors++;
      }
    }
    return new LogCounts(lines, warnings, errors);
  }

  /** Line counts of the operator's log. */
  record LogCounts(long lines, long warnings, long errors) {}

  /** Stops the operator with SIGTERM, which runs its shutdown hook, and kills it after 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
