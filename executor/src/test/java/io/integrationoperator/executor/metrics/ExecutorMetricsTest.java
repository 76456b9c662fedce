package io.integrationoperator.executor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.client.connection.CallFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutorMetricsTest {

  private static final Set<String> INTEGRATIONS = Set.of("shop/petstore", "shop/orders");

  private final ExecutorMetrics metrics =
      ExecutorMetrics.prometheus((ns, name) -> INTEGRATIONS.contains(ns + "/" + name));

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void callsAreCountedByIntegrationTaskAndOutcome() {
    metrics.recordCall("shop", "petstore", "getPet", CallOutcome.OK, Duration.ofMillis(12));
    metrics.recordCall("shop", "petstore", "getPet", CallOutcome.OK, Duration.ofMillis(30));
    metrics.recordCall(
        "shop", "petstore", "getPet", CallOutcome.ofStatus(503), Duration.ofMillis(7));
    metrics.recordCall(
        "shop",
        "orders",
        "placeOrder",
        CallOutcome.of(CallFailure.TlsHandshakeFailed),
        Duration.ofMillis(3));

    assertThat(lines())
        .contains(
            "integration_operator_executor_calls_total{integration=\"petstore\",namespace=\"shop\","
                + "outcome=\"ok\",task=\"getPet\"} 2.0",
            "integration_operator_executor_calls_total{integration=\"petstore\",namespace=\"shop\","
                + "outcome=\"http_error\",task=\"getPet\"} 1.0",
            "integration_operator_executor_calls_total{integration=\"orders\",namespace=\"shop\","
                + "outcome=\"tls_failed\",task=\"placeOrder\"} 1.0");
  }

  @Test
  void latencyHistogramHasFixedBuckets() {
    metrics.recordCall("shop", "petstore", "getPet", CallOutcome.OK, Duration.ofMillis(12));
    metrics.recordCall("shop", "petstore", "getPet", CallOutcome.HTTP_ERROR, Duration.ofMillis(30));
    metrics.recordCall("shop", "petstore", "getPet", CallOutcome.OK, Duration.ofSeconds(2));

    String series = "integration_operator_executor_call_duration_seconds";
    String labels = "integration=\"petstore\",namespace=\"shop\",task=\"getPet\"";
    assertThat(lines())
        .contains(
            series + "_bucket{" + labels + ",le=\"0.01\"} 0",
            series + "_bucket{" + labels + ",le=\"0.025\"} 1",
            series + "_bucket{" + labels + ",le=\"0.05\"} 2",
            series + "_bucket{" + labels + ",le=\"1.0\"} 2",
            series + "_bucket{" + labels + ",le=\"2.5\"} 3",
            series + "_bucket{" + labels + ",le=\"+Inf\"} 3",
            series + "_count{" + labels + "} 3",
            series + "_sum{" + labels + "} 2.042",
            series + "_max{" + labels + "} 2.0");
    assertThat(lines().stream().filter(line -> line.startsWith(series + "_bucket{")))
        .hasSize(ExecutorMetrics.DURATION_BUCKETS.size() + 1);
  }

  @Test
  void tokenFailuresStartAtZero() {
    metrics.recordTokenRequest("shop", "petstore", true);
    metrics.recordTokenRequest("shop", "petstore", true);
    metrics.recordTokenRequest("shop", "orders", false);

    assertThat(lines())
        .contains(
            "integration_operator_executor_token_requests_total{integration=\"petstore\","
                + "namespace=\"shop\"} 2.0",
            "integration_operator_executor_token_request_failures_total{integration=\"petstore\","
                + "namespace=\"shop\"} 0.0",
            "integration_operator_executor_token_requests_total{integration=\"orders\","
                + "namespace=\"shop\"} 1.0",
            "integration_operator_executor_token_request_failures_total{integration=\"orders\","
                + "namespace=\"shop\"} 1.0");
  }

  @Test
  void denialsAreCountedByReason() {
    metrics.recordDenial("shop", "petstore", DenialReason.UNAUTHENTICATED);
    metrics.recordDenial("shop", "petstore", DenialReason.FORBIDDEN);
    metrics.recordDenial("shop", "petstore", DenialReason.FORBIDDEN);

    assertThat(lines())
        .contains(
            "integration_operator_executor_authorization_denials_total{integration=\"petstore\","
                + "namespace=\"shop\",reason=\"unauthenticated\"} 1.0",
            "integration_operator_executor_authorization_denials_total{integration=\"petstore\","
                + "namespace=\"shop\",reason=\"forbidden\"} 2.0");
  }

  @Test
  void unknownNamesShareEmptyLabels() {
    metrics.recordCall("shop", "made-up-1", "anything", CallOutcome.OK, Duration.ofMillis(1));
    metrics.recordCall("other", "made-up-2", "else", CallOutcome.OK, Duration.ofMillis(1));
    metrics.recordCall("shop", "petstore", null, CallOutcome.INVALID_INPUT, Duration.ofMillis(1));
    metrics.recordDenial("x", "y", DenialReason.UNAUTHENTICATED);

    List<String> lines = lines();
    assertThat(lines)
        .contains(
            "integration_operator_executor_calls_total{integration=\"\",namespace=\"\","
                + "outcome=\"ok\",task=\"\"} 2.0",
            "integration_operator_executor_calls_total{integration=\"petstore\",namespace=\"shop\","
                + "outcome=\"invalid_input\",task=\"\"} 1.0",
            "integration_operator_executor_authorization_denials_total{integration=\"\","
                + "namespace=\"\",reason=\"unauthenticated\"} 1.0");
    assertThat(lines).noneMatch(line -> line.contains("made-up") || line.contains("anything"));
  }

  @Test
  void syslogDropsAreCounted() {
    metrics.recordSyslogDrop("shop", "petstore");
    metrics.recordSyslogDrop("shop", "petstore");

    assertThat(lines())
        .contains(
            "integration_operator_executor_syslog_dropped_records_total{integration=\"petstore\","
                + "namespace=\"shop\"} 2.0");
  }

  @Test
  void removeDropsOnlyThatIntegration() {
    metrics.recordCall("shop", "petstore", "getPet", CallOutcome.OK, Duration.ofMillis(1));
    metrics.recordTokenRequest("shop", "petstore", true);
    metrics.recordCall("shop", "orders", "placeOrder", CallOutcome.OK, Duration.ofMillis(1));

    metrics.remove("shop", "petstore");

    List<String> lines = lines();
    assertThat(lines).noneMatch(line -> line.contains("integration=\"petstore\""));
    assertThat(lines)
        .contains(
            "integration_operator_executor_calls_total{integration=\"orders\",namespace=\"shop\","
                + "outcome=\"ok\",task=\"placeOrder\"} 1.0");
  }

  @Test
  void jvmAndProcessMetersAreBound() {
    List<String> lines = lines();

    assertThat(lines).anyMatch(line -> line.startsWith("jvm_memory_used_bytes{"));
    assertThat(lines).anyMatch(line -> line.startsWith("jvm_threads_live_threads "));
    assertThat(lines).anyMatch(line -> line.startsWith("process_uptime_seconds "));
    assertThat(lines).anyMatch(line -> line.startsWith("process_cpu_usage "));
    assertThat(lines).anyMatch(line -> line.startsWith("process_files_open_files "));
  }

  @Test
  void scrapeNeedsPrometheusRegistry() {
    try (ExecutorMetrics simple = new ExecutorMetrics(new SimpleMeterRegistry())) {
      assertThatThrownBy(simple::scrape)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SimpleMeterRegistry, not a PrometheusMeterRegistry");
    }
  }

  @ParameterizedTest
  @EnumSource(CallFailure.class)
  void everyCallFailureHasOutcome(CallFailure failure) {
    assertThat(CallOutcome.of(failure).label()).matches("[a-z_]+");
  }

  private List<String> lines() {
    return Arrays.asList(metrics.scrape().split("\n"));
  }
}
