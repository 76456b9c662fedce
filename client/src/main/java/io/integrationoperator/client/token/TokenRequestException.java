package io.integrationoperator.client.token;

import io.integrationoperator.api.envelope.ResponseEnvelope;
import java.util.Optional;

/**
 * Raised when a token or key request failed. When the endpoint responded, the exception carries the
 * envelope of that exchange (method, token URL, status, body), which becomes the task result and
 * the probe result. Its message is one sentence without credentials.
 */
public final class TokenRequestException extends Exception {

  private final transient ResponseEnvelope envelope;

  /** Creates the exception for an endpoint that could not be reached or sent no usable response. */
  public TokenRequestException(String message, Throwable cause) {
    super(message, cause);
    this.envelope = null;
  }

  /** Creates the exception for an endpoint that responded with {@code envelope}. */
  public TokenRequestException(String message, ResponseEnvelope envelope) {
    super(message);
    this.envelope = envelope;
  }

  /** Returns the envelope of the token request, if the endpoint responded. */
  public Optional<ResponseEnvelope> envelope() {
    return Optional.ofNullable(envelope);
  }
}
