package io.integrationoperator.client.oauth2;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.token.TokenRequestException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Builds the authorization URL an administrator opens for the authorization code grant: the
 * authorization endpoint with response_type=code, client_id, redirect_uri, scope and state.
 *
 * <p>The state is derived from the client id, redirect URI and endpoint, so the URL stays the same
 * between reconciles and the status does not change needlessly. It is not checked afterwards,
 * because the administrator copies the code into the Secret by hand and no redirect reaches the
 * product.
 */
public final class AuthorizationRequests {

  private AuthorizationRequests() {}

  /**
   * Returns the authorization URL for Integrations that use the authorization code grant, and empty
   * for other grants or when the settings or the discovery document do not give the endpoint.
   */
  public static Optional<String> authorizationUrl(
      ConnectionSettings settings, HttpClientFactory clients) {
    if (!OAuth2Settings.appliesTo(settings)) {
      return Optional.empty();
    }
    try {
      OAuth2Settings oauth = OAuth2Settings.from(settings);
      if (oauth.grant() != OAuth2GrantType.AuthorizationCode) {
        return Optional.empty();
      }
      ProviderEndpoints endpoints =
          ProviderEndpoints.resolve(
              oauth,
              TokenHttpClients.clientFor(settings, clients),
              Clock.systemUTC(),
              OAuth2TokenSource.secretRedaction(settings));
      return endpoints.authorization().map(endpoint -> build(oauth, endpoint).toString());
    } catch (InvalidSettingsException | TokenRequestException e) {
      return Optional.empty();
    }
  }

  /** Builds the URL for {@code endpoint}; the settings must have a redirect URI. */
  static URI build(OAuth2Settings settings, URI endpoint) {
    URI redirect = settings.redirectUri().orElseThrow();
    AuthorizationRequest.Builder builder =
        new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new ClientID(settings.clientId()))
            .endpointURI(endpoint)
            .redirectionURI(redirect)
            .state(new State(state(settings.clientId(), redirect, endpoint)));
    if (!settings.scopes().isEmpty()) {
      builder.scope(new Scope(settings.scopes().toArray(String[]::new)));
    }
    return builder.build().toURI();
  }

  private static String state(String clientId, URI redirect, URI endpoint) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha256.digest(
              (clientId + "\n" + redirect + "\n" + endpoint).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
