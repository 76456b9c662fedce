package io.integrationoperator.client.auth;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.nio.charset.StandardCharsets;
import okhttp3.Credentials;
import okhttp3.Request;

/**
 * HTTP Basic authentication (RFC 7617): {@code Authorization: Basic} followed by the Base64 of
 * {@code username:password} encoded as UTF-8, the charset RFC 7617 lets servers announce.
 */
final class BasicAuthenticator implements RequestAuthenticator {

  private final String authorization;

  private BasicAuthenticator(String authorization) {
    this.authorization = authorization;
  }

  /**
   * Creates the authenticator.
   *
   * @throws InvalidSettingsException when the username contains a colon or either value contains a
   *     control character, which RFC 7617 does not allow
   */
  static BasicAuthenticator of(String username, String password) throws InvalidSettingsException {
    if (username.indexOf(':') >= 0) {
      throw new InvalidSettingsException(
          "the basic authentication username contains a colon, which RFC 7617 does not allow");
    }
    if (CredentialValues.hasControlCharacter(username)
        || CredentialValues.hasControlCharacter(password)) {
      throw new InvalidSettingsException(
          "the basic authentication username or password contains a control character, which"
              + " RFC 7617 does not allow; a trailing line feed usually comes from kubectl create"
              + " secret --from-file, so create the Secret with --from-literal or stringData");
    }
    return new BasicAuthenticator(Credentials.basic(username, password, StandardCharsets.UTF_8));
  }

  @Override
  public Request authenticate(Request request) {
    return request.newBuilder().header("Authorization", authorization).build();
  }

  @Override
  public String toString() {
    return "BasicAuthenticator[credentials=****]";
  }
}
