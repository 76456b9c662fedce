package io.integrationoperator.client.auth;

import io.integrationoperator.client.token.Token;
import io.integrationoperator.client.token.TokenCache;
import io.integrationoperator.client.token.TokenRequestException;
import java.util.Set;
import java.util.function.BiFunction;
import okhttp3.Request;

/**
 * Adds a token from a {@link TokenCache} to a request, and after a 401 drops that token so that the
 * call can be retried once with a new one. One instance serves one call.
 */
final class TokenAuthenticator implements RequestAuthenticator {

  private final TokenCache cache;
  private final BiFunction<Request, Token, Request> placement;
  private final Set<String> queryParameters;
  private Token used;

  /**
   * Creates the authenticator.
   *
   * @param placement adds the token to a request, for example as an Authorization header
   * @param queryParameters query parameters that {@code placement} fills with the token
   */
  TokenAuthenticator(
      TokenCache cache,
      BiFunction<Request, Token, Request> placement,
      Set<String> queryParameters) {
    this.cache = cache;
    this.placement = placement;
    this.queryParameters = Set.copyOf(queryParameters);
  }

  /** Creates an authenticator that sends {@code Authorization: Bearer <token>}. */
  static TokenAuthenticator bearer(TokenCache cache) {
    return new TokenAuthenticator(
        cache,
        (request, token) ->
            request.newBuilder().header("Authorization", "Bearer " + token.value()).build(),
        Set.of());
  }

  @Override
  public Request authenticate(Request request) throws TokenRequestException {
    used = cache.get();
    return placement.apply(request, used);
  }

  @Override
  public boolean retryAfterUnauthorized() {
    return used != null && cache.invalidate(used);
  }

  @Override
  public Set<String> credentialQueryParameters() {
    return queryParameters;
  }

  @Override
  public String toString() {
    return "TokenAuthenticator[" + cache + "]";
  }
}
