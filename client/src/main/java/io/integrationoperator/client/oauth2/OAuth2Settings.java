package io.integrationoperator.client.oauth2;

import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.ClientAuthenticationMethod;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.authentication.OpenIdConnectAuthentication;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The OAuth 2.0 or OpenID Connect settings of one Integration, resolved from the spec, the model's
 * security scheme and the projected credentials. Holds credentials, so {@link #toString()} leaves
 * them out.
 *
 * @param issuer the OpenID Connect issuer whose discovery document names the endpoints; empty for
 *     oauth2
 * @param tokenUrl the token endpoint; for OpenID Connect an override of the discovered one
 * @param refreshUrl the endpoint of refresh requests when it differs from the token endpoint
 * @param authorizationUrl the authorization endpoint; for OpenID Connect an override
 * @param redirectUri the redirect URI of the authorization code grant
 * @param clientSecret empty for a public client, which sends its client_id in the body
 */
public record OAuth2Settings(
    Optional<String> issuer,
    OAuth2GrantType grant,
    Optional<URI> tokenUrl,
    Optional<URI> refreshUrl,
    Optional<URI> authorizationUrl,
    Optional<URI> redirectUri,
    List<String> scopes,
    ClientAuthenticationMethod clientAuthentication,
    String clientId,
    Optional<String> clientSecret,
    Optional<String> username,
    Optional<String> password,
    Optional<String> authorizationCode,
    Optional<String> accessToken,
    Optional<String> refreshToken,
    List<ExtraParameter> parameters) {

  private static final String OPENID_SCOPE = "openid";

  /** Returns true when the spec sets an oauth2 or openIdConnect block. */
  public static boolean appliesTo(ConnectionSettings settings) {
    Authentication auth = authentication(settings);
    return auth != null && (auth.getOauth2() != null || auth.getOpenIdConnect() != null);
  }

  /**
   * Resolves the settings.
   *
   * @throws InvalidSettingsException when the spec sets neither block, a required credential or URL
   *     is missing, or a URL or parameter is invalid
   */
  public static OAuth2Settings from(ConnectionSettings settings) throws InvalidSettingsException {
    Authentication auth = authentication(settings);
    if (auth == null || (auth.getOauth2() == null && auth.getOpenIdConnect() == null)) {
      throw new InvalidSettingsException(
          "spec.authentication sets neither oauth2 nor openIdConnect");
    }
    Map<String, String> details =
        settings.scheme().map(SecuritySchemeInfo::details).orElse(Map.of());
    Map<String, String> credentials =
        settings.credentials() == null ? Map.of() : settings.credentials();
    List<ExtraParameter> parameters =
        ExtraParameters.resolve(details, auth.getParameters(), credentials);
    return auth.getOauth2() != null
        ? fromOAuth2(auth.getOauth2(), settings.baseUrl(), details, credentials, parameters)
        : fromOpenIdConnect(auth.getOpenIdConnect(), details, credentials, parameters);
  }

  private static OAuth2Settings fromOAuth2(
      OAuth2Authentication spec,
      String baseUrl,
      Map<String, String> details,
      Map<String, String> credentials,
      List<ExtraParameter> parameters)
      throws InvalidSettingsException {
    OAuth2GrantType grant = OAuth2Grants.effective(spec.getGrantType(), details);
    String flow = OAuth2Grants.flowName(grant);
    String token = firstSet(spec.getTokenUrl(), details.get(flow + ".tokenUrl"));
    if (token == null) {
      throw new InvalidSettingsException(
          "oauth2 authentication needs a token URL: set spec.authentication.oauth2.tokenUrl, or a"
              + " tokenUrl in the "
              + flow
              + " flow of the model's oauth2 scheme");
    }
    String authorization =
        firstSet(spec.getAuthorizationUrl(), details.get(flow + ".authorizationUrl"));
    Optional<URI> redirect = optionalUrl(spec.getRedirectUri(), null, "redirectUri");
    requireGrantInputs(grant, redirect, credentials, "oauth2");
    return new OAuth2Settings(
        Optional.empty(),
        grant,
        Optional.of(url(token, baseUrl, "tokenUrl")),
        optionalUrl(details.get(flow + ".refreshUrl"), baseUrl, "the model's refreshUrl"),
        optionalUrl(authorization, baseUrl, "authorizationUrl"),
        redirect,
        scopes(spec.getScopes(), false),
        clientAuthentication(spec.getClientAuthentication()),
        credentials.get(CredentialKeys.CLIENT_ID),
        nonEmpty(credentials, CredentialKeys.CLIENT_SECRET),
        nonEmpty(credentials, CredentialKeys.USERNAME),
        nonEmpty(credentials, CredentialKeys.PASSWORD),
        nonEmpty(credentials, CredentialKeys.AUTHORIZATION_CODE),
        nonEmpty(credentials, CredentialKeys.ACCESS_TOKEN),
        nonEmpty(credentials, CredentialKeys.REFRESH_TOKEN),
        parameters);
  }

  private static OAuth2Settings fromOpenIdConnect(
      OpenIdConnectAuthentication spec,
      Map<String, String> details,
      Map<String, String> credentials,
      List<ExtraParameter> parameters)
      throws InvalidSettingsException {
    String configured = firstSet(spec.getIssuerUrl(), details.get("openIdConnectUrl"));
    if (configured == null) {
      throw new InvalidSettingsException(
          "openIdConnect authentication needs an issuer: set"
              + " spec.authentication.openIdConnect.issuerUrl, or an openIdConnectUrl in the"
              + " model's openIdConnect scheme");
    }
    String issuer = OidcDiscovery.issuerOf(configured.trim());
    url(issuer, null, "issuerUrl");
    OAuth2GrantType grant =
        spec.getGrantType() == null ? OAuth2GrantType.ClientCredentials : spec.getGrantType();
    Optional<URI> redirect = optionalUrl(spec.getRedirectUri(), null, "redirectUri");
    requireGrantInputs(grant, redirect, credentials, "openIdConnect");
    return new OAuth2Settings(
        Optional.of(issuer),
        grant,
        optionalUrl(spec.getTokenUrl(), null, "tokenUrl"),
        Optional.empty(),
        optionalUrl(spec.getAuthorizationUrl(), null, "authorizationUrl"),
        redirect,
        scopes(spec.getScopes(), true),
        clientAuthentication(spec.getClientAuthentication()),
        credentials.get(CredentialKeys.CLIENT_ID),
        nonEmpty(credentials, CredentialKeys.CLIENT_SECRET),
        nonEmpty(credentials, CredentialKeys.USERNAME),
        nonEmpty(credentials, CredentialKeys.PASSWORD),
        nonEmpty(credentials, CredentialKeys.AUTHORIZATION_CODE),
        nonEmpty(credentials, CredentialKeys.ACCESS_TOKEN),
        nonEmpty(credentials, CredentialKeys.REFRESH_TOKEN),
        parameters);
  }

  private static void requireGrantInputs(
      OAuth2GrantType grant, Optional<URI> redirect, Map<String, String> credentials, String method)
      throws InvalidSettingsException {
    require(credentials, CredentialKeys.CLIENT_ID, method);
    if (grant == OAuth2GrantType.ClientCredentials) {
      require(credentials, CredentialKeys.CLIENT_SECRET, method);
    }
    if (grant == OAuth2GrantType.Password) {
      require(credentials, CredentialKeys.USERNAME, method);
      require(credentials, CredentialKeys.PASSWORD, method);
    }
    if (grant == OAuth2GrantType.AuthorizationCode && redirect.isEmpty()) {
      throw new InvalidSettingsException(
          "the authorization code grant needs the redirect URI registered at the provider: set"
              + " spec.authentication."
              + method
              + ".redirectUri");
    }
  }

  private static void require(Map<String, String> credentials, String key, String method)
      throws InvalidSettingsException {
    if (nonEmpty(credentials, key).isEmpty()) {
      throw new InvalidSettingsException(
          "the credential '" + key + "' for " + method + " authentication is missing or empty");
    }
  }

  private static List<String> scopes(List<String> configured, boolean openId) {
    List<String> scopes = new ArrayList<>();
    if (configured != null) {
      configured.stream()
          .filter(s -> s != null && !s.isBlank())
          .map(String::trim)
          .forEach(scopes::add);
    }
    if (openId && !scopes.contains(OPENID_SCOPE)) {
      scopes.add(0, OPENID_SCOPE);
    }
    return List.copyOf(scopes);
  }

  private static ClientAuthenticationMethod clientAuthentication(
      ClientAuthenticationMethod configured) {
    return configured == null ? ClientAuthenticationMethod.ClientSecretBasic : configured;
  }

  /**
   * Parses an http or https URL, resolving a relative one against {@code baseUrl} when given.
   *
   * @throws InvalidSettingsException naming {@code field} when the URL is not valid
   */
  static URI url(String value, String baseUrl, String field) throws InvalidSettingsException {
    String text = value.trim();
    HttpUrl url = HttpUrl.parse(text);
    if (url == null && baseUrl != null) {
      HttpUrl base = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      url = base == null ? null : base.resolve(text);
    }
    if (url == null) {
      throw new InvalidSettingsException(
          "the " + field + " '" + text + "' is not a valid http or https URL");
    }
    return url.uri();
  }

  private static Optional<URI> optionalUrl(String value, String baseUrl, String field)
      throws InvalidSettingsException {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(url(value, baseUrl, field));
  }

  private static String firstSet(String first, String second) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second == null || second.isBlank() ? null : second;
  }

  private static Optional<String> nonEmpty(Map<String, String> credentials, String key) {
    return Optional.ofNullable(credentials.get(key)).filter(v -> !v.isEmpty());
  }

  private static Authentication authentication(ConnectionSettings settings) {
    return settings.spec() == null ? null : settings.spec().getAuthentication();
  }

  @Override
  public String toString() {
    return "OAuth2Settings[issuer="
        + issuer.orElse("none")
        + ", grant="
        + grant
        + ", tokenUrl="
        + tokenUrl.map(URI::toString).orElse("discovered")
        + ", scopes="
        + scopes
        + ", clientAuthentication="
        + clientAuthentication
        + ", clientId="
        + clientId
        + ", parameters="
        + parameters
        + "]";
  }
}
