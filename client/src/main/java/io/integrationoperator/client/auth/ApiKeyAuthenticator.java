package io.integrationoperator.client.auth;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.Set;
import okhttp3.Request;

/**
 * A static API key sent where the model's apiKey security scheme names: in a header, a query
 * parameter or a cookie, under the scheme's parameter name.
 */
final class ApiKeyAuthenticator implements RequestAuthenticator {

  private final ApiKeyPlacement placement;
  private final String value;

  private ApiKeyAuthenticator(ApiKeyPlacement placement, String value) {
    this.placement = placement;
    this.value = value;
  }

  /**
   * Creates the authenticator.
   *
   * @throws InvalidSettingsException when the key has a character that the header or cookie cannot
   *     carry
   */
  static ApiKeyAuthenticator of(ApiKeyPlacement placement, String value)
      throws InvalidSettingsException {
    placement.check(value);
    return new ApiKeyAuthenticator(placement, value);
  }

  @Override
  public Request authenticate(Request request) {
    return placement.apply(request, value);
  }

  @Override
  public Set<String> credentialQueryParameters() {
    return placement.credentialQueryParameters();
  }

  @Override
  public String toString() {
    return "ApiKeyAuthenticator[" + placement + ", value=****]";
  }
}
