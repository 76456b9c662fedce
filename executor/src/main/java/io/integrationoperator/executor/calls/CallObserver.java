package io.integrationoperator.executor.calls;

import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.executor.logging.CallDetails;
import io.integrationoperator.executor.metrics.ForwardOutcome;
import java.time.Duration;

/**
 * Receives what happened to each task call, for logging and metrics. Implementations must be
 * thread-safe and fast, because they run on the request thread. No argument except those of {@link
 * #callDetails} contains a credential, a token or a body.
 */
public interface CallObserver {

  /**
   * Reports a task call that was sent, whatever its result.
   *
   * @param method upper-case HTTP method of the task
   * @param redactedUrl the request URL without user info and with credential query values masked
   * @param outcome {@code Ok} for a 2xx response, {@code HttpError} for another response, otherwise
   *     the {@link io.integrationoperator.client.connection.CallFailure} name
   * @param status HTTP status the external server returned, or 0 when none responded
   * @param duration time from sending the request to reading the answer
   */
  void callCompleted(
      String namespace,
      String integration,
      String task,
      String method,
      String redactedUrl,
      String outcome,
      int status,
      Duration duration);

  /**
   * Reports a task call that the executor rejected with an error status before a request was sent,
   * for example 400 for invalid input or 409 for an Integration that is not ready. 401 and 403
   * responses are reported to {@link #authorizationDenied} instead.
   *
   * @param task the task the request named
   * @param status HTTP status of the executor's response
   * @param reason CamelCase reason of the response
   * @param duration time from receiving the request to the response
   */
  default void callRejected(
      String namespace,
      String integration,
      String task,
      int status,
      String reason,
      Duration duration) {}

  /**
   * Reports a task call that this sidecar forwarded to a gateway cluster, whatever its result.
   *
   * @param cluster the Integration's gateway cluster
   * @param executor the gateway executor the call went to as {@code host:port}; empty when the
   *     cluster had no ready executor
   * @param outcome what became of the forwarded call
   * @param status HTTP status returned to the caller
   * @param duration time from receiving the request to the answer
   */
  default void callForwarded(
      String namespace,
      String integration,
      String task,
      String cluster,
      String executor,
      ForwardOutcome outcome,
      int status,
      Duration duration) {}

  /**
   * Returns true when {@link #callDetails} would log something for the Integration, so that the
   * caller copies headers and bodies only then.
   */
  default boolean wantsDetails(String namespace, String integration) {
    return false;
  }

  /**
   * Reports the headers and bodies of a task call, which implementations log at DEBUG and TRACE
   * with the Integration's credential values masked by {@code redaction}. Unlike the other methods,
   * {@code details} can contain credentials that an API echoed.
   */
  default void callDetails(
      String namespace,
      String integration,
      String task,
      CallDetails details,
      CredentialRedaction redaction) {}

  /**
   * Reports a caller that was rejected with 401 or 403.
   *
   * @param reason the CamelCase reason of the response, for example InvalidToken or Forbidden
   */
  void authorizationDenied(String namespace, String integration, String reason);
}
