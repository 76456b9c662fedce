package io.integrationoperator.client.token;

import java.util.Optional;

/**
 * Requests new tokens from an endpoint: an OAuth 2.0 grant, a refresh, or an API-key login.
 * Implementations are called by {@link TokenCache}, one request at a time per cache.
 */
@FunctionalInterface
public interface TokenSource {

  /**
   * Requests a token.
   *
   * @param previous the token held so far, whose refresh token the source may use instead of a new
   *     grant; empty before the first request
   * @throws TokenRequestException when the request failed or the endpoint returned an error
   */
  Token request(Optional<Token> previous) throws TokenRequestException;
}
