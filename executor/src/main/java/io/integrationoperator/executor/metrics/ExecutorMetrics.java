package io.integrationoperator.executor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Meters of the executor: task calls, their latency, calls forwarded to gateway clusters, token
 * requests, caller denials and dropped syslog records, all named with the prefix {@code
 * integration_operator_executor_}, plus the JVM and process meters of Micrometer's binders.
 * docs/metrics.md lists every series.
 *
 * <p>Label cardinality stays bounded because every label value comes from a closed set: {@code
 * outcome} and {@code reason} are enums, {@code namespace} and {@code integration} are those of
 * Integrations that the {@code knownIntegration} predicate accepts, and {@code task} must be a task
 * of the Integration's model. Callers pass a null task when the request named no task of the model
 * (for example an unknown task, answered with 404). A rejected Integration, its task, and a null
 * task are recorded with the empty label value {@value #UNKNOWN}, so requests for made-up names add
 * no series.
 */
public final class ExecutorMetrics implements AutoCloseable {

  /** Prefix of every meter name; Prometheus shows the dots as underscores. */
  public static final String PREFIX = "integration.operator.executor.";

  /** Label value of a namespace, Integration or task that is not known. */
  public static final String UNKNOWN = "";

  static final String CALLS = PREFIX + "calls";
  static final String CALL_DURATION = PREFIX + "call.duration";
  static final String TOKEN_REQUESTS = PREFIX + "token.requests";
  static final String TOKEN_REQUEST_FAILURES = PREFIX + "token.request.failures";
  static final String DENIALS = PREFIX + "authorization.denials";
  static final String SYSLOG_DROPPED = PREFIX + "syslog.dropped.records";
  static final String FORWARDED_CALLS = PREFIX + "forwarded.calls";

  /** Upper bounds of the latency histogram buckets; a fixed set keeps the series count fixed. */
  static final List<Duration> DURATION_BUCKETS =
      List.of(
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2500),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  private final MeterRegistry registry;
  private final BiPredicate<String, String> knownIntegration;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  /**
   * Creates the meters in {@code registry} and binds the JVM and process meters to it. Every
   * namespace and Integration name passed to the record methods becomes a label value, so callers
   * pass only Integrations that exist. Prefer the other constructor, which enforces that.
   */
  public ExecutorMetrics(MeterRegistry registry) {
    this(registry, (namespace, integration) -> true);
  }

  /**
   * Creates the meters in {@code registry} and binds the JVM and process meters to it.
   *
   * @param knownIntegration returns whether an Integration {@code (namespace, name)} exists; others
   *     are recorded as {@value #UNKNOWN}
   */
  public ExecutorMetrics(MeterRegistry registry, BiPredicate<String, String> knownIntegration) {
    this.registry = registry;
    this.knownIntegration = knownIntegration;
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** Creates the metrics in a new Prometheus registry. */
  public static ExecutorMetrics prometheus(BiPredicate<String, String> knownIntegration) {
    return new ExecutorMetrics(
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), knownIntegration);
  }

  /** Returns the registry that contains the meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Counts one task call by outcome and records its duration.
   *
   * @param task a task of the Integration's model, or null when the request named none
   * @param duration time from receiving the request to sending the result
   */
  public void recordCall(
      String namespace, String integration, String task, CallOutcome outcome, Duration duration) {
    boolean known = isKnown(namespace, integration);
    Tags tags =
        integrationTags(known, namespace, integration)
            .and("task", known && task != null ? task : UNKNOWN);
    counter(CALLS, "Task calls by outcome", tags.and("outcome", outcome.label())).increment();
    Timer.builder(CALL_DURATION)
        .description("Duration of task calls, from receiving the request to sending the result")
        .tags(tags)
        .serviceLevelObjectives(DURATION_BUCKETS.toArray(Duration[]::new))
        .register(registry)
        .record(duration);
  }

  /**
   * Counts one token or key request of the Integration, and one failure when it did not succeed.
   * Both counters are created at the first request, so the failure count starts at 0.
   */
  public void recordTokenRequest(String namespace, String integration, boolean succeeded) {
    Tags tags = integrationTags(namespace, integration);
    counter(TOKEN_REQUESTS, "Token and key requests", tags).increment();
    Counter failures = counter(TOKEN_REQUEST_FAILURES, "Failed token and key requests", tags);
    if (!succeeded) {
      failures.increment();
    }
  }

  /** Counts one rejected caller of the Integration by reason. */
  public void recordDenial(String namespace, String integration, DenialReason reason) {
    Tags tags = integrationTags(namespace, integration).and("reason", reason.label());
    counter(DENIALS, "Rejected callers by reason", tags).increment();
  }

  /**
   * Counts one call this sidecar forwarded to a gateway cluster, by cluster and outcome. Cluster
   * names come from status.routing, which only the operator writes from its configuration and the
   * Integrations' specs, so they form a small set.
   */
  public void recordForwardedCall(String cluster, ForwardOutcome outcome) {
    counter(
            FORWARDED_CALLS,
            "Calls forwarded to gateway clusters by outcome",
            Tags.of("cluster", cluster, "outcome", outcome.label()))
        .increment();
  }

  /**
   * Counts one syslog record of the Integration that was dropped because the server was slow or
   * unreachable. Fits {@code SyslogDropListener} as {@code metrics::recordSyslogDrop}.
   */
  public void recordSyslogDrop(String namespace, String integration) {
    Tags tags = integrationTags(namespace, integration);
    counter(
            SYSLOG_DROPPED,
            "Syslog records dropped because the server was slow or unreachable",
            tags)
        .increment();
  }

  /** Removes every series of the Integration, for example after it was deleted. */
  public void remove(String namespace, String integration) {
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      if (id.getName().startsWith(PREFIX)
          && namespace.equals(id.getTag("namespace"))
          && integration.equals(id.getTag("integration"))) {
        registry.remove(meter);
      }
    }
  }

  /**
   * Returns every meter in the Prometheus text exposition format, as {@code GET /metrics} serves
   * it.
   *
   * @throws IllegalStateException when the registry is not a {@link PrometheusMeterRegistry}
   */
  public String scrape() {
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      return prometheus.scrape();
    }
    throw new IllegalStateException(
        "The metrics registry is a "
            + registry.getClass().getName()
            + ", not a PrometheusMeterRegistry; create ExecutorMetrics with one to serve /metrics");
  }

  /** Stops the garbage collection listener of the JVM meters. */
  @Override
  public void close() {
    gcMetrics.close();
  }

  private Counter counter(String name, String description, Tags tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  private boolean isKnown(String namespace, String integration) {
    return namespace != null
        && integration != null
        && knownIntegration.test(namespace, integration);
  }

  private Tags integrationTags(String namespace, String integration) {
    return integrationTags(isKnown(namespace, integration), namespace, integration);
  }

  private static Tags integrationTags(boolean known, String namespace, String integration) {
    return Tags.of(
        "namespace", known ? namespace : UNKNOWN, "integration", known ? integration : UNKNOWN);
  }
}
