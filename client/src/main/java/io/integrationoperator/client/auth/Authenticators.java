package io.integrationoperator.client.auth;

import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
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

  /** Prefix of the scheme details that the x-itential-dynamic-retrieval extension fills. */
  private static final String DYNAMIC_RETRIEVAL_PREFIX = "x-itential-dynamic-retrieval.";

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
      return apiKey(authentication.getApiKey(), settings.scheme(), credentials);
    }
    if (authentication.getAwsSigV4() != null) {
      return AwsSigV4Authenticator.forSettings(
          authentication.getAwsSigV4(), settings.baseUrl(), credentials, Clock.systemUTC());
    }
    // TODO: oauth2, openIdConnect and mutualTls authentication are not implemented,
    // so calls with them fail as InvalidRequest.
    if (authentication.getOauth2() != null) {
      throw notSupported("oauth2");
    }
    if (authentication.getOpenIdConnect() != null) {
      throw notSupported("openIdConnect");
    }
    if (authentication.getMutualTls() != null) {
      throw notSupported("mutualTls");
    }
    throw new InvalidSettingsException(
        "spec.authentication sets no method; set one of apiKey, basic, bearer, awsSigV4, oauth2,"
            + " openIdConnect or mutualTls");
  }

  private static RequestAuthenticator apiKey(
      ApiKeyAuthentication apiKey,
      Optional<SecuritySchemeInfo> scheme,
      Map<String, String> credentials)
      throws InvalidSettingsException {
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
    // TODO: dynamic API keys (dynamicRetrieval in the spec or the model's
    // x-itential-dynamic-retrieval) are not implemented, so calls with them fail as
    // InvalidRequest.
    boolean dynamic =
        apiKey.getDynamicRetrieval() != null
            || (apiKey.getValue() == null && hasDynamicRetrieval(info));
    if (dynamic) {
      throw notSupported("dynamic API key");
    }
    Map<String, String> details = info.details() == null ? Map.of() : info.details();
    ApiKeyAuthenticator.Location location =
        ApiKeyAuthenticator.Location.parse(details.get("in"), info.name());
    String name = details.get("name");
    if (name == null || name.isBlank()) {
      throw new InvalidSettingsException(
          "the apiKey security scheme '" + info.name() + "' has no parameter name");
    }
    String value = CredentialValues.require(credentials, CredentialKeys.API_KEY, "apiKey");
    return ApiKeyAuthenticator.of(location, name, value);
  }

  private static boolean hasDynamicRetrieval(SecuritySchemeInfo info) {
    return info.details() != null
        && info.details().keySet().stream().anyMatch(k -> k.startsWith(DYNAMIC_RETRIEVAL_PREFIX));
  }

  private static InvalidSettingsException notSupported(String method) {
    return new InvalidSettingsException(
        method + " authentication is not supported yet; use apiKey, basic or bearer");
  }
}
