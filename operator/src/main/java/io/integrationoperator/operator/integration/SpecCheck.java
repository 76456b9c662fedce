package io.integrationoperator.operator.integration;

import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import io.integrationoperator.client.connection.DurationText;
import io.integrationoperator.operator.gateway.Routing;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that an Integration's spec fits its model and itself, and derives what the rest of the
 * reconcile needs: the security scheme, the endpoint, the call timeout and the probe interval.
 *
 * @param outcome the SpecValid outcome
 * @param scheme the model scheme the authentication applies, if any
 * @param endpoint the effective base URL; empty when the outcome failed
 * @param timeout maximum time of one call
 * @param probeInterval time between connectivity probes
 */
public record SpecCheck(
    Outcome outcome,
    Optional<SecuritySchemeStatus> scheme,
    Optional<String> endpoint,
    Duration timeout,
    Duration probeInterval) {

  /** Call timeout when spec.timeout is not set. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Smallest spec.timeout, because the HTTP client counts in whole milliseconds. */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

  /** Largest spec.timeout, because a probe blocks its Integration's reconcile until it ends. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Smallest spec.probe.interval, so that probes do not load the server or the operator. */
  public static final Duration MIN_PROBE_INTERVAL = Duration.ofSeconds(10);

  /** Largest spec.probe.interval, so that a broken connection shows within a month. */
  public static final Duration MAX_PROBE_INTERVAL = Duration.ofDays(30);

  /**
   * Runs the checks in order: the rules the CRD also states in CEL, authentication against the
   * model's schemes, server, durations, probe task. The first failure decides the outcome.
   *
   * @param routing the effective routing computed from spec.gateway and the operator's defaults
   */
  public static SpecCheck check(
      IntegrationSpec spec,
      IntegrationModelStatus model,
      Duration defaultInterval,
      Routing routing) {
    Optional<Outcome> broken = SpecRules.check(spec, routing);
    if (broken.isPresent()) {
      return failed(broken.get());
    }
    SchemeSelection selection =
        SchemeSelection.select(spec.getAuthentication(), model.getSecuritySchemes());
    if (selection.failure().isPresent()) {
      return failed(selection.failure().get());
    }
    Endpoint endpoint = Endpoint.resolve(spec.getServer(), model.getDefaultServer());
    if (endpoint.failure().isPresent()) {
      return failed(endpoint.failure().get());
    }
    Optional<Outcome> plainMutualTls = requireHttpsForMutualTls(spec, endpoint.url().orElseThrow());
    if (plainMutualTls.isPresent()) {
      return failed(plainMutualTls.get());
    }

    Duration timeout;
    Duration interval;
    try {
      timeout =
          duration(spec.getTimeout(), "spec.timeout", DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT);
      String configured = spec.getProbe() == null ? null : spec.getProbe().getInterval();
      interval =
          duration(
              configured,
              "spec.probe.interval",
              defaultInterval,
              MIN_PROBE_INTERVAL,
              MAX_PROBE_INTERVAL);
    } catch (InvalidDurationException e) {
      return failed(Outcome.failed(IntegrationConditions.INVALID_DURATION, e.getMessage()));
    }

    String task = spec.getProbe() == null ? null : spec.getProbe().getTask();
    if (task != null && !hasTask(model, task)) {
      return failed(
          Outcome.failed(
              IntegrationConditions.PROBE_TASK_NOT_FOUND,
              "spec.probe.task " + task + " is not a task of the model; name one of its tasks."));
    }
    return new SpecCheck(
        Outcome.passed(IntegrationConditions.SPEC_VALID, "The spec fits the model."),
        selection.scheme(),
        endpoint.url(),
        timeout,
        interval);
  }

  /** Rejects mutual TLS with a plain http endpoint, where no client certificate can be sent. */
  private static Optional<Outcome> requireHttpsForMutualTls(IntegrationSpec spec, String url) {
    boolean mutualTls =
        spec.getAuthentication() != null && spec.getAuthentication().getMutualTls() != null;
    if (!mutualTls || url.toLowerCase(Locale.ROOT).startsWith("https:")) {
      return Optional.empty();
    }
    return Optional.of(
        Outcome.failed(
            IntegrationConditions.INVALID_AUTHENTICATION,
            "spec.authentication.mutualTls sends a client certificate in the TLS handshake, but the"
                + " endpoint "
                + url
                + " uses plain http; set spec.server.protocol to https."));
  }

  private static boolean hasTask(IntegrationModelStatus model, String task) {
    return model.getTasks() != null
        && model.getTasks().stream().anyMatch(t -> task.equals(t.getName()));
  }

  /**
   * Parses a duration field and checks it against its bounds, inclusive. An unset field gets the
   * default, which is not checked.
   */
  private static Duration duration(
      String text, String field, Duration defaultValue, Duration min, Duration max)
      throws InvalidDurationException {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    Duration parsed =
        DurationText.parse(text.trim())
            .orElseThrow(
                () ->
                    new InvalidDurationException(
                        field
                            + " "
                            + text
                            + " is not a duration; use a value such as 30s or 1m30s."));
    if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
      throw new InvalidDurationException(
          field
              + " "
              + text
              + " is outside the allowed range "
              + format(min)
              + " to "
              + format(max)
              + "; use a value within it.");
    }
    return parsed;
  }

  /** Formats a bound in the spec's duration syntax, for example 1ms, 10s, 1h or 720h. */
  private static String format(Duration duration) {
    if (duration.toMillis() < 1000) {
      return duration.toMillis() + "ms";
    }
    if (duration.toSeconds() < 3600) {
      return duration.toSeconds() + "s";
    }
    return duration.toHours() + "h";
  }

  private static SpecCheck failed(Outcome outcome) {
    return new SpecCheck(
        outcome, Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
  }

  private static final class InvalidDurationException extends Exception {
    InvalidDurationException(String message) {
      super(message);
    }
  }
}
