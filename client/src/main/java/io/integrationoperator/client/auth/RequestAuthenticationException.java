package io.integrationoperator.client.auth;

/**
 * Thrown by {@link RequestAuthenticator#authenticate} when it cannot add credentials to one
 * request, for example because the body is too large to sign. The message names the problem and
 * never contains a credential. {@code IntegrationClient} turns it into an InvalidRequest result.
 */
public class RequestAuthenticationException extends RuntimeException {

  public RequestAuthenticationException(String message) {
    super(message);
  }

  public RequestAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
