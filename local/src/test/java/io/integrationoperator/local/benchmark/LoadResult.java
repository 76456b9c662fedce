package io.integrationoperator.local.benchmark;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Figures of one closed-loop run.
 *
 * @param concurrency calls in flight at once
 * @param elapsed time from the first call to the end of the last one
 * @param latencies latency of every call, in microseconds
 * @param failures calls that failed or returned an unexpected status or body
 */
record LoadResult(int concurrency, Duration elapsed, Histogram latencies, long failures) {

  long requests() {
    return latencies.getTotalCount();
  }

  double requestsPerSecond() {
    return requests() / (elapsed.toNanos() / 1e9);
  }

  /** Returns the latency at {@code percentile} (0 to 100) in milliseconds. */
  double millisAt(double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latencies.getMaxValue() / 1000.0;
  }

  /** Returns one table row: concurrency, requests, failures, requests/s and the percentiles. */
  String row(String target) {
    return String.format(
        "  %-9s %5d %9d %8d %10.0f %8.2f %8.2f %8.2f %8.2f",
        target,
        concurrency,
        requests(),
        failures,
        requestsPerSecond(),
        millisAt(50),
        millisAt(90),
        millisAt(99),
        maxMillis());
  }

  /** Returns the header that matches {@link #row}. */
  static String header() {
    return String.format(
        "  %-9s %5s %9s %8s %10s %8s %8s %8s %8s",
        "target", "conc.", "requests", "failed", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
  }
}
