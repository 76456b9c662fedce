package io.integrationoperator.client.auth;

import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.token.TokenCaches;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the authenticator for connection settings from the block set in {@code
 * spec.authentication}, the model's security scheme and the projected credentials.
 */
public final class Authenticators {

  /** Security scheme type that marks an apiKey scheme as AWS Signature Version 4. */
  private static final String AWS_SIG_V4_TYPE = "awsSigV4";

  private Authenticators() {}

  /**
   * Returns the authenticator for the settings, or {@link RequestAuthenticator#NONE} when the spec
   * has no authentication.
   *
   * @throws InvalidSettingsException when a credential is missing or invalid, the model's scheme
   *     does not fit, or the method is not supported yet
   */
  public static RequestAuthenticator forSettings(ConnectionSettings settings)
      throws InvalidSettingsException {
    return forSettings(settings, TokenCaches.shared());
  }

  /**
   * Returns the authenticator for the settings as {@link #forSettings(ConnectionSettings)} does.
   * Methods that request tokens or keys keep them in {@code tokens}.
   *
   * @throws InvalidSettingsException when a credential is missing or invalid, the model's scheme
   *     does not fit, or the method is not supported yet
   */
  public static RequestAuthenticator forSettings(ConnectionSettings settings, TokenCaches tokens)
      throws InvalidSettingsException {
    return forSettings(settings, tokens, HttpClientFactory.shared());
  }

  /**
   * Returns the authenticator for the settings as {@link #forSettings(ConnectionSettings,
   * TokenCaches)} does. Token and key requests use the client that {@code clients} creates for the
   * settings, so the Integration's TLS and timeout settings apply to them too.
   *
   * @throws InvalidSettingsException when a credential is missing or invalid, the model's scheme
   *     does not fit, or the method is not supported yet
   */
  public static RequestAuthenticator forSettings(
      ConnectionSettings settings, TokenCaches tokens, HttpClientFactory clients)
      throws InvalidSettingsException {
    Authentication authentication =
        settings.spec() == null ? null : settings.spec().getAuthentication();
    if (authentication == null) {
      return RequestAuthenticator.NONE;
    }
    Map<String, String> credentials = settings.credentials();
    if (authentication.getBasic() != null) {
      return BasicAuthenticator.of(
          CredentialValues.require(credentials, CredentialKeys.USERNAME, "basic"),
          CredentialValues.require(credentials, CredentialKeys.PASSWORD, "basic"));
    }
    if (authentication.getBearer() != null) {
      return BearerAuthenticator.of(
          CredentialValues.require(credentials, CredentialKeys.TOKEN, "bearer"));
    }
    if (authentication.getApiKey() != null) {
      return apiKey(authentication.getApiKey(), settings, tokens, clients);
    }
    if (authentication.getAwsSigV4() != null) {
      return AwsSigV4Authenticator.forSettings(
          authentication.getAwsSigV4(), settings.baseUrl(), credentials, Clock.systemUTC());
    }
    // TODO: oauth2 and openIdConnect authentication are not implemented, so calls with them fail
    // as InvalidRequest.
    if (authentication.getOauth2() != null) {
      throw notSupported("oauth2");
    }
    if (authentication.getOpenIdConnect() != null) {
      throw notSupported("openIdConnect");
    }
    if (authentication.getMutualTls() != null) {
      // The client certificate is presented in the TLS handshake (see HttpClientFactory), so the
      // requests themselves carry no credentials.
      return RequestAuthenticator.NONE;
    }
    throw new InvalidSettingsException(
        "spec.authentication sets no method; set one of apiKey, basic, bearer, awsSigV4, oauth2,"
            + " openIdConnect or mutualTls");
  }

  private static RequestAuthenticator apiKey(
      ApiKeyAuthentication apiKey,
      ConnectionSettings settings,
      TokenCaches tokens,
      HttpClientFactory clients)
      throws InvalidSettingsException {
    Optional<SecuritySchemeInfo> scheme = settings.scheme();
    if (scheme.isEmpty()) {
      throw new InvalidSettingsException(
          "apiKey authentication needs an apiKey security scheme in the model, which defines where"
              + " the key is sent");
    }
    SecuritySchemeInfo info = scheme.get();
    if (AWS_SIG_V4_TYPE.equals(info.type())) {
      throw AwsSigV4Authenticator.apiKeyBlockForAwsScheme(info.name());
    }
    if (!"apiKey".equals(info.type())) {
      throw new InvalidSettingsException(
          "the security scheme '"
              + info.name()
              + "' has type "
              + info.type()
              + ", but apiKey authentication needs type apiKey");
    }
    ApiKeyPlacement placement = ApiKeyPlacement.of(info);
    if (TokenMethods.isDynamicApiKey(apiKey, scheme)) {
      return DynamicApiKeys.authenticator(settings, info, placement, tokens, clients);
    }
    String value =
        CredentialValues.require(settings.credentials(), CredentialKeys.API_KEY, "apiKey");
    return ApiKeyAuthenticator.of(placement, value);
  }

  private static InvalidSettingsException notSupported(String method) {
    return new InvalidSettingsException(
        method + " authentication is not supported yet; use apiKey, basic or bearer");
  }
}
