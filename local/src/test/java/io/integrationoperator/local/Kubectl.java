package io.integrationoperator.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl binary against a local mode kubeconfig. The user's kubeconfig and cache
 * stay untouched: {@code KUBECONFIG} is removed from the environment, {@code HOME} points at a
 * temporary directory and {@code --cache-dir} does too.
 */
final class Kubectl {

  /** Output of one kubectl run. */
  record Result(int exitCode, String stdout, String stderr) {
    /** Returns stdout followed by stderr, for assertion messages. */
    String output() {
      return stdout + stderr;
    }
  }

  private static final long TIMEOUT_SECONDS = 60;

  private final Path kubeconfig;
  private final Path home;

  Kubectl(Path kubeconfig, Path home) {
    this.kubeconfig = kubeconfig;
    this.home = home;
  }

  /** Runs kubectl with the arguments and returns its output once it exits. */
  Result run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + home.resolve("cache"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.remove("KUBECONFIG");
    environment.put("HOME", home.toString());
    Path stdout = Files.createTempFile(home, "kubectl", ".out");
    Path stderr = Files.createTempFile(home, "kubectl", ".err");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "kubectl "
              + String.join(" ", arguments)
              + " did not exit within "
              + TIMEOUT_SECONDS
              + "s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** Runs kubectl and fails with its output unless it exits with 0. */
  String succeed(String... arguments) throws IOException, InterruptedException {
    Result result = run(arguments);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl "
              + String.join(" ", arguments)
              + " exited with "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.stdout();
  }
}
