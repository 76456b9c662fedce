package io.integrationoperator.client.connection;

import io.integrationoperator.api.envelope.ResponseEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Outcome of one call: a response envelope when a server answered (the API, or the token endpoint
 * when authentication failed there), otherwise a failure with a one-sentence error.
 *
 * @param started when the call started
 * @param duration how long it took
 * @param envelope the response envelope, if a server answered
 * @param failure why no usable answer came, if the call failed; TokenRequestFailed may come with
 *     the token endpoint's envelope
 * @param error one sentence describing the failure, without credentials
 */
public record CallResult(
    Instant started,
    Duration duration,
    Optional<ResponseEnvelope> envelope,
    Optional<CallFailure> failure,
    Optional<String> error) {

  /** Creates the result of a call that received an HTTP response, whatever its status. */
  public static CallResult answered(Instant started, Duration duration, ResponseEnvelope envelope) {
    return new CallResult(
        started, duration, Optional.of(envelope), Optional.empty(), Optional.empty());
  }

  /** Creates the result of a call that produced no response envelope. */
  public static CallResult failed(
      Instant started, Duration duration, CallFailure failure, String error) {
    return new CallResult(
        started, duration, Optional.empty(), Optional.of(failure), Optional.of(error));
  }

  /** Returns true when the server answered with a 2xx status and nothing failed. */
  public boolean succeeded() {
    return failure.isEmpty() && envelope.map(e -> Boolean.TRUE.equals(e.getOk())).orElse(false);
  }
}
