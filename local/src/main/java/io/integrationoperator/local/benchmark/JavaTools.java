package io.integrationoperator.local.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's own tools ({@code java}, {@code jcmd}) from the JDK that runs the benchmark. */
final class JavaTools {

  private JavaTools() {}

  /**
   * Returns {@code $JAVA_HOME/bin/<name>} of the running JVM.
   *
   * @throws IOException when the tool is missing, for example because a JRE runs the benchmark
   */
  static Path executable(String name) throws IOException {
    Path tool = Path.of(System.getProperty("java.home"), "bin", name);
    if (!Files.isExecutable(tool)) {
      throw new IOException(
          tool + " is missing or not executable; run the benchmark with a full JDK");
    }
    return tool;
  }

  /**
   * Runs a tool and returns its stdout and stderr together.
   *
   * @throws IOException when the tool cannot start, exits with a non-zero status or runs longer
   *     than {@code timeout}
   */
  static String run(Duration timeout, String tool, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable(tool).toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (InputStream output = process.getInputStream()) {
      // Outputs here are a few KiB, far below the pipe buffer, so reading after the exit is safe.
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " timed out after " + timeout);
      }
      String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
      }
      return text;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(String.join(" ", command) + " was interrupted", e);
    }
  }
}
