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

  /** Returns true when the server answered with a 2xx status and nothing failed. */
  public boolean succeeded() {
    return failure.isEmpty() && envelope.map(e -> Boolean.TRUE.equals(e.getOk())).orElse(false);
  }
}
