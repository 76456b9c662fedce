package io.integrationoperator.executor.calls;

import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.executor.logging.CallDetails;
import io.integrationoperator.executor.logging.IntegrationLoggers;
import io.integrationoperator.executor.metrics.CallOutcome;
import io.integrationoperator.executor.metrics.DenialReason;
import io.integrationoperator.executor.metrics.ExecutorMetrics;
import io.integrationoperator.executor.metrics.ForwardOutcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports task calls to the Integration's own logger ({@link IntegrationLoggers}) and to the
 * executor's metrics ({@link ExecutorMetrics}).
 */
public final class ReportingCallObserver implements CallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(ReportingCallObserver.class);

  private final IntegrationLoggers loggers;
  private final ExecutorMetrics metrics;

  public ReportingCallObserver(IntegrationLoggers loggers, ExecutorMetrics metrics) {
    this.loggers = loggers;
    this.metrics = metrics;
  }

  @Override
  public void callCompleted(
      String namespace,
      String integration,
      String task,
      String method,
      String redactedUrl,
      String outcome,
      int status,
      Duration duration) {
    CallOutcome metricOutcome = callOutcome(outcome, status);
    if (metricOutcome == CallOutcome.OK || metricOutcome == CallOutcome.HTTP_ERROR) {
      loggers.logCall(namespace, integration, task, method, redactedUrl, status, duration);
    } else {
      loggers.logFailedCall(namespace, integration, task, method, redactedUrl, outcome, duration);
    }
    metrics.recordCall(namespace, integration, task, metricOutcome, duration);
  }

  @Override
  public void callRejected(
      String namespace,
      String integration,
      String task,
      int status,
      String reason,
      Duration duration) {
    CallOutcome outcome =
        switch (status) {
          case 400, 404 -> CallOutcome.INVALID_INPUT;
          case 409 -> CallOutcome.NOT_READY;
          default -> CallOutcome.INTERNAL_ERROR;
        };
    LOG.debug(
        "Task {} of Integration {}/{} rejected: {} {}",
        task,
        namespace,
        integration,
        status,
        reason);
    metrics.recordCall(namespace, integration, task, outcome, duration);
  }

  @Override
  public void callForwarded(
      String namespace,
      String integration,
      String task,
      String cluster,
      String executor,
      ForwardOutcome outcome,
      int status,
      Duration duration) {
    loggers.logForwardedCall(
        namespace, integration, task, cluster, executor, outcome.label(), status, duration);
    metrics.recordForwardedCall(cluster, outcome);
  }

  @Override
  public boolean wantsDetails(String namespace, String integration) {
    return loggers.logger(namespace, integration).isDebugEnabled();
  }

  @Override
  public void callDetails(
      String namespace,
      String integration,
      String task,
      CallDetails details,
      CredentialRedaction redaction) {
    loggers.logCallDetails(namespace, integration, task, details, redaction);
  }

  @Override
  public void authorizationDenied(String namespace, String integration, String reason) {
    LOG.info("Caller of Integration {}/{} denied: {}", namespace, integration, reason);
    metrics.recordDenial(
        namespace,
        integration,
        "Forbidden".equals(reason) ? DenialReason.FORBIDDEN : DenialReason.UNAUTHENTICATED);
  }

  /** Maps the outcome name of {@link CallObserver#callCompleted} to the metric's outcome. */
  static CallOutcome callOutcome(String outcome, int status) {
    return switch (outcome) {
      case "Ok", "HttpError" -> CallOutcome.ofStatus(status);
      default -> CallOutcome.of(CallFailure.valueOf(outcome));
    };
  }
}
