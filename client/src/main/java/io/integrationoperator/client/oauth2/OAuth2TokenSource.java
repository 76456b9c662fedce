package io.integrationoperator.client.oauth2;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.integrationoperator.api.authentication.ClientAuthenticationMethod;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.authentication.ParameterUsage;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.envelope.UrlRedaction;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.client.token.TokenRequestException;
import io.integrationoperator.client.token.TokenSource;
import io.integrationoperator.client.token.TokenStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests OAuth 2.0 access tokens with the client credentials, password or authorization code
 * grant, built and parsed with the Nimbus OAuth 2.0 SDK and sent through the Integration's OkHttp
 * client.
 *
 * <ul>
 *   <li>A pre-populated accessToken credential is returned first, with an unknown lifetime, so it
 *       is used until the API answers 401. A pre-populated refreshToken is used for the first
 *       refresh.
 *   <li>When the previous token has a refresh token, the refresh_token grant is tried first. A
 *       refresh response without a refresh token keeps the previous one. When the endpoint rejects
 *       the refresh with a 4xx status, a new grant is requested, except for the authorization code
 *       grant whose code was already used. When it cannot be reached or answers 5xx, the refresh
 *       token is kept for the next attempt.
 *   <li>An authorization code is sent once: its digest is recorded in this process and in the token
 *       store, and without an unused code the request fails with a message naming the authorization
 *       URL an administrator must open.
 *   <li>Extra parameters go into the body, a header or the query of token or refresh requests.
 * </ul>
 */
public final class OAuth2TokenSource implements TokenSource {

  private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenSource.class);
  private static final String BEARER = "Bearer";

  private final OAuth2Settings settings;
  private final OkHttpClient client;
  private final Clock clock;
  private final CredentialRedaction redaction;
  private final TokenStore store;

  // Guarded by this.
  private boolean seededAccessTokenUsed;
  private Optional<String> latestRefreshToken;

  /**
   * Creates a source that sends through {@code client}, timed by {@code clock}.
   *
   * @param store the token store of the source's cache, which also records used authorization codes
   *     for the processes that share it
   */
  public OAuth2TokenSource(
      OAuth2Settings settings,
      OkHttpClient client,
      Clock clock,
      CredentialRedaction redaction,
      TokenStore store) {
    this.settings = settings;
    this.client = client;
    this.clock = clock;
    this.redaction = redaction;
    this.store = store;
    this.latestRefreshToken = settings.refreshToken();
  }

  /**
   * Creates the source for connection settings, with the OkHttp client that {@code clients} gives
   * for their TLS and timeout settings and a store of its own.
   *
   * @throws InvalidSettingsException when the OAuth 2.0 settings are incomplete or invalid
   */
  public static OAuth2TokenSource forSettings(
      ConnectionSettings settings, HttpClientFactory clients) throws InvalidSettingsException {
    return factory(settings, clients).apply(TokenStore.inMemory());
  }

  /**
   * Checks the settings now and returns a function that creates the source for the store of a new
   * token cache, for {@link io.integrationoperator.client.token.TokenCaches#cacheWithSourceFactory(
   * io.integrationoperator.client.connection.IntegrationId, String, Function)}.
   *
   * @throws InvalidSettingsException when the OAuth 2.0 settings are incomplete or invalid
   */
  public static Function<TokenStore, OAuth2TokenSource> factory(
      ConnectionSettings settings, HttpClientFactory clients) throws InvalidSettingsException {
    OAuth2Settings oauth = OAuth2Settings.from(settings);
    OkHttpClient client = TokenHttpClients.clientFor(settings, clients);
    CredentialRedaction redaction = secretRedaction(settings);
    return store -> new OAuth2TokenSource(oauth, client, Clock.systemUTC(), redaction, store);
  }

  /** Returns the redaction of the settings' credentials, which leaves the client id visible. */
  static CredentialRedaction secretRedaction(ConnectionSettings settings) {
    return CredentialRedaction.of(settings.credentials());
  }

  @Override
  public synchronized Token request(Optional<Token> previous) throws TokenRequestException {
    if (previous.isEmpty() && settings.accessToken().isPresent() && !seededAccessTokenUsed) {
      seededAccessTokenUsed = true;
      return new Token(
          settings.accessToken().get(),
          Optional.of(BEARER),
          clock.instant(),
          Optional.empty(),
          latestRefreshToken);
    }
    ProviderEndpoints endpoints = ProviderEndpoints.resolve(settings, client, clock, redaction);
    Optional<String> refresh = previous.flatMap(Token::refreshToken).or(() -> latestRefreshToken);
    if (refresh.isPresent()) {
      // Kept until the endpoint rejects it, so an outage does not lose it with the held token.
      latestRefreshToken = refresh;
      try {
        return remember(refresh(endpoints, refresh.get()));
      } catch (TokenRequestException e) {
        if (!isRejection(e)) {
          // Unreachable endpoint or server error: the refresh token may still be valid.
          throw e;
        }
        latestRefreshToken = Optional.empty();
        if (!canRequestNewGrant()) {
          throw needsAuthorization(endpoints, "the refresh failed: " + e.getMessage(), e);
        }
        LOG.debug(
            "refresh failed, requesting a new {} grant: {}", settings.grant(), e.getMessage());
      }
    }
    return remember(newGrant(endpoints));
  }

  /** Returns true when the endpoint answered with a client error, rejecting the request. */
  private static boolean isRejection(TokenRequestException e) {
    return e.envelope()
        .map(envelope -> envelope.getStatus() != null && envelope.getStatus() / 100 == 4)
        .orElse(false);
  }

  private Token remember(Token token) {
    latestRefreshToken = token.refreshToken();
    return token;
  }

  private boolean canRequestNewGrant() {
    if (settings.grant() != OAuth2GrantType.AuthorizationCode) {
      return true;
    }
    return settings.authorizationCode().filter(code -> !isUsed(code)).isPresent();
  }

  private Token refresh(ProviderEndpoints endpoints, String refreshToken)
      throws TokenRequestException {
    AuthorizationGrant grant = new RefreshTokenGrant(new RefreshToken(refreshToken));
    return send(endpoints.refresh(), grant, ParameterUsage.Refresh, Optional.of(refreshToken));
  }

  private Token newGrant(ProviderEndpoints endpoints) throws TokenRequestException {
    AuthorizationGrant grant =
        switch (settings.grant()) {
          case ClientCredentials -> new ClientCredentialsGrant();
          case Password ->
              new ResourceOwnerPasswordCredentialsGrant(
                  settings.username().orElseThrow(), new Secret(settings.password().orElseThrow()));
          case AuthorizationCode -> authorizationCodeGrant(endpoints);
        };
    return send(endpoints.token(), grant, ParameterUsage.Token, Optional.empty());
  }

  /** Returns the grant for the Secret's code, marking the code used before it is sent. */
  private AuthorizationGrant authorizationCodeGrant(ProviderEndpoints endpoints)
      throws TokenRequestException {
    Optional<String> code = settings.authorizationCode();
    if (code.isEmpty()) {
      throw needsAuthorization(endpoints, "no authorization code is set", null);
    }
    if (!markUsed(code.get())) {
      throw needsAuthorization(
          endpoints, "the authorization code in the Secret was already used", null);
    }
    return new AuthorizationCodeGrant(
        new AuthorizationCode(code.get()), settings.redirectUri().orElseThrow());
  }

  private boolean isUsed(String code) {
    String digest = UsedAuthorizationCodes.digest(settings.clientId(), code);
    return UsedAuthorizationCodes.isUsed(digest) || store.isAuthorizationCodeUsed(digest);
  }

  /** Records the code as used in this process and in the store; true when it was new to both. */
  private boolean markUsed(String code) {
    String digest = UsedAuthorizationCodes.digest(settings.clientId(), code);
    boolean newInProcess = UsedAuthorizationCodes.markUsed(digest);
    boolean newInStore = store.markAuthorizationCodeUsed(digest);
    return newInProcess && newInStore;
  }

  private TokenRequestException needsAuthorization(
      ProviderEndpoints endpoints, String reason, TokenRequestException cause) {
    String where =
        endpoints
            .authorization()
            .map(endpoint -> "open " + AuthorizationRequests.build(settings, endpoint))
            .orElse("open the provider's authorization endpoint (set authorizationUrl to show it)");
    String message =
        "the authorization code grant needs a new authorization code because "
            + reason
            + "; "
            + where
            + " as an administrator and store the code parameter of the redirect in the Secret"
            + " key authorizationCode";
    if (cause != null && cause.envelope().isPresent()) {
      return new TokenRequestException(redaction.redact(message), cause.envelope().get());
    }
    return new TokenRequestException(redaction.redact(message), cause);
  }

  private Token send(
      URI endpoint, AuthorizationGrant grant, ParameterUsage usage, Optional<String> keptRefresh)
      throws TokenRequestException {
    HTTPRequest request = httpRequest(endpoint, grant, usage);
    String shownEndpoint = UrlRedaction.redact(HttpUrl.get(endpoint), Set.of());
    Instant obtainedAt = clock.instant();
    TokenEndpointExchange.Answer answer;
    try {
      answer = TokenEndpointExchange.send(client, request, queryParameterNames(usage));
    } catch (InterruptedIOException e) {
      throw new TokenRequestException(
          "the token endpoint " + shownEndpoint + " did not respond within spec.timeout", e);
    } catch (IOException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new TokenRequestException(
          redaction.redact(
              "the token endpoint " + shownEndpoint + " could not be reached: " + detail),
          e);
    }
    Token token = TokenResponses.parse(answer, shownEndpoint, obtainedAt, keptRefresh, redaction);
    LOG.debug(
        "obtained a token from {} with the {} grant, expiring at {}",
        shownEndpoint,
        grant.getType(),
        token.expiresAt().map(Instant::toString).orElse("an unknown time"));
    return token;
  }

  private HTTPRequest httpRequest(URI endpoint, AuthorizationGrant grant, ParameterUsage usage) {
    TokenRequest.Builder builder =
        settings.clientSecret().isPresent()
            ? new TokenRequest.Builder(endpoint, clientAuthentication(), grant)
            : new TokenRequest.Builder(endpoint, new ClientID(settings.clientId()), grant);
    if (usage == ParameterUsage.Token && !settings.scopes().isEmpty()) {
      builder.scope(new Scope(settings.scopes().toArray(String[]::new)));
    }
    for (ExtraParameter parameter : parameters(usage, ParameterLocation.Body)) {
      builder.customParameter(parameter.name(), parameter.value());
    }
    HTTPRequest request = builder.build().toHTTPRequest();
    request.setAccept("application/json");
    for (ExtraParameter parameter : parameters(usage, ParameterLocation.Header)) {
      request.setHeader(parameter.name(), parameter.value());
    }
    for (ExtraParameter parameter : parameters(usage, ParameterLocation.Query)) {
      request.appendQueryParameters(Map.of(parameter.name(), List.of(parameter.value())));
    }
    return request;
  }

  private ClientAuthentication clientAuthentication() {
    ClientID id = new ClientID(settings.clientId());
    Secret secret = new Secret(settings.clientSecret().orElseThrow());
    return settings.clientAuthentication() == ClientAuthenticationMethod.ClientSecretPost
        ? new ClientSecretPost(id, secret)
        : new ClientSecretBasic(id, secret);
  }

  private List<ExtraParameter> parameters(ParameterUsage usage, ParameterLocation location) {
    return settings.parameters().stream()
        .filter(p -> p.usedIn(usage) && p.location() == location)
        .toList();
  }

  private Set<String> queryParameterNames(ParameterUsage usage) {
    return parameters(usage, ParameterLocation.Query).stream()
        .map(ExtraParameter::name)
        .collect(Collectors.toSet());
  }

  @Override
  public String toString() {
    return "OAuth2TokenSource[" + settings + "]";
  }
}
