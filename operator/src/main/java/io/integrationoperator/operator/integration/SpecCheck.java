package io.integrationoperator.operator.integration;

import io.fabric8.kubernetes.api.model.Duration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.text.ParseException;
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
    java.time.Duration timeout,
    java.time.Duration probeInterval) {

  /** Call timeout when spec.timeout is not set. */
  public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(30);

  /**
   * Runs the checks in order: authentication against the model's schemes, server, durations, probe
   * task. The first failure decides the outcome.
   */
  public static SpecCheck check(
      IntegrationSpec spec, IntegrationModelStatus model, java.time.Duration defaultInterval) {
    SchemeSelection selection =
        SchemeSelection.select(spec.getAuthentication(), model.getSecuritySchemes());
    if (selection.failure().isPresent()) {
      return failed(selection.failure().get());
    }
    Endpoint endpoint = Endpoint.resolve(spec.getServer(), model.getDefaultServer());
    if (endpoint.failure().isPresent()) {
      return failed(endpoint.failure().get());
    }

    java.time.Duration timeout;
    java.time.Duration interval;
    try {
      timeout = duration(spec.getTimeout(), "spec.timeout", DEFAULT_TIMEOUT);
      String configured = spec.getProbe() == null ? null : spec.getProbe().getInterval();
      interval = duration(configured, "spec.probe.interval", defaultInterval);
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

  private static boolean hasTask(IntegrationModelStatus model, String task) {
    return model.getTasks() != null
        && model.getTasks().stream().anyMatch(t -> task.equals(t.getName()));
  }

  private static java.time.Duration duration(
      String text, String field, java.time.Duration defaultValue) throws InvalidDurationException {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    java.time.Duration parsed;
    try {
      parsed = Duration.parse(text.trim()).getDuration();
    } catch (ParseException | RuntimeException e) {
      throw new InvalidDurationException(
          field + " " + text + " is not a duration; use a value such as 30s or 1m30s.");
    }
    if (parsed.isZero() || parsed.isNegative()) {
      throw new InvalidDurationException(field + " " + text + " must be longer than zero.");
    }
    return parsed;
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
