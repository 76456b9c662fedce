package io.integrationoperator.local.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts about the machine that ran the benchmark, read from {@code /proc} and the JDK, so that a
 * printed result carries its hardware.
 */
final class MachineFacts {

  private MachineFacts() {}

  /** Returns labelled lines: processors, CPU model, memory, kernel, load average and Java. */
  static List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("Processors:      " + Runtime.getRuntime().availableProcessors() + " (JVM view)");
    lines.add("CPU model:       " + firstValue(Path.of("/proc/cpuinfo"), "model name"));
    lines.add("Memory total:    " + firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    lines.add("Kernel:          " + System.getProperty("os.name") + " " + osVersion());
    lines.add("Load average:    " + loadAverage() + " (1, 5, 15 min, when the run started)");
    lines.add("Java:            " + javaVersion());
    return lines;
  }

  /** Returns the 1, 5 and 15 minute load averages from {@code /proc/loadavg}. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String osVersion() {
    return System.getProperty("os.version") + " " + System.getProperty("os.arch");
  }

  /** Returns the value of the first {@code key: value} line whose key is {@code key}. */
  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "unknown (no " + key + " line in " + file + ")";
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** Returns the first two lines of {@code java -version}, joined. */
  private static String javaVersion() {
    try {
      List<String> lines =
          JavaTools.run(Duration.ofSeconds(30), "java", "-version").lines().limit(2).toList();
      return String.join("; ", lines);
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
