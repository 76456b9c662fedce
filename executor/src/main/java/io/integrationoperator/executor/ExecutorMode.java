package io.integrationoperator.executor;

import java.util.Locale;

/** How an executor is deployed, which decides the Integrations whose calls it makes itself. */
public enum ExecutorMode {
  /**
   * Next to a workload: executes calls of Integrations without a gateway or with execution mode
   * Direct.
   */
  SIDECAR,
  /** In the shared pool of one gateway cluster: executes calls of that cluster's Integrations. */
  GATEWAY;

  /**
   * Parses {@code sidecar} or {@code gateway}, in any case.
   *
   * @throws IllegalArgumentException on any other value
   */
  public static ExecutorMode parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "sidecar" -> SIDECAR;
      case "gateway" -> GATEWAY;
      default ->
          throw new IllegalArgumentException(
              "invalid --mode " + value + ", expected sidecar or gateway");
    };
  }

  /** Returns the lower-case name used in options and logs. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
