package io.integrationoperator.client.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An access token or API key obtained from a token or key endpoint, with its lifetime. The value
 * and the refresh token are credentials, so {@link #toString()} leaves them out.
 *
 * @param value the token as it is sent to the API
 * @param type the token type, for example Bearer; empty for API keys, which have none
 * @param obtainedAt when the token endpoint issued it
 * @param expiresAt when it stops being valid, if the endpoint returned a lifetime
 * @param refreshToken the refresh token that came with it, if any
 */
public record Token(
    String value,
    Optional<String> type,
    Instant obtainedAt,
    Optional<Instant> expiresAt,
    Optional<String> refreshToken) {

  /** Returns the lifetime the endpoint granted, if it gave an expiry. */
  public Optional<Duration> lifetime() {
    return expiresAt.map(expiry -> Duration.between(obtainedAt, expiry));
  }

  @Override
  public String toString() {
    return "Token[type="
        + type.orElse("none")
        + ", obtainedAt="
        + obtainedAt
        + ", expiresAt="
        + expiresAt.map(Instant::toString).orElse("unknown")
        + ", refreshToken="
        + (refreshToken.isPresent() ? "****" : "none")
        + "]";
  }
}
