package io.integrationoperator.client.auth;

import io.integrationoperator.client.token.TokenRequestException;
import java.util.Set;
import okhttp3.Request;

/**
 * Adds credentials to a request. Implementations hold credential values, so their {@code toString}
 * never shows them.
 */
public interface RequestAuthenticator {

  /** An authenticator that leaves requests unchanged, for Integrations without authentication. */
  RequestAuthenticator NONE =
      new RequestAuthenticator() {
        @Override
        public Request authenticate(Request request) {
          return request;
        }

        @Override
        public String toString() {
          return "RequestAuthenticator.NONE";
        }
      };

  /**
   * Returns a copy of {@code request} with the credentials added.
   *
   * @throws TokenRequestException when a token or key had to be requested first and that failed
   */
  Request authenticate(Request request) throws TokenRequestException;

  /**
   * Drops the token that {@link #authenticate} added after the API answered 401, and returns true
   * when the call should be sent once more with a new token. Authenticators with fixed credentials
   * return false.
   */
  default boolean retryAfterUnauthorized() {
    return false;
  }

  /**
   * Returns the names of query parameters that this authenticator fills with credentials, so that
   * logs and response envelopes can mask their values.
   */
  default Set<String> credentialQueryParameters() {
    return Set.of();
  }
}
