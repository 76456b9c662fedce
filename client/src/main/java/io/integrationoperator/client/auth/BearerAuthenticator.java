package io.integrationoperator.client.auth;

import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import okhttp3.Request;

/** HTTP Bearer authentication (RFC 6750) with a static token: {@code Authorization: Bearer}. */
final class BearerAuthenticator implements RequestAuthenticator {

  private final String authorization;

  private BearerAuthenticator(String authorization) {
    this.authorization = authorization;
  }

  /**
   * Creates the authenticator.
   *
   * @throws InvalidSettingsException when the token has a character an HTTP header cannot carry
   */
  static BearerAuthenticator of(String token) throws InvalidSettingsException {
    CredentialValues.requireHeaderSafe(token, CredentialKeys.TOKEN);
    return new BearerAuthenticator("Bearer " + token);
  }

  @Override
  public Request authenticate(Request request) {
    return request.newBuilder().header("Authorization", authorization).build();
  }

  @Override
  public String toString() {
    return "BearerAuthenticator[token=****]";
  }
}
