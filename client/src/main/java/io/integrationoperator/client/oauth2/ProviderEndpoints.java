package io.integrationoperator.client.oauth2;

import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.token.TokenRequestException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The endpoints token requests go to: those the settings name, and for OpenID Connect those of the
 * issuer's discovery document, which the settings override.
 *
 * @param token the token endpoint
 * @param refresh the endpoint of refresh requests, usually the token endpoint
 * @param authorization the authorization endpoint, if known
 */
record ProviderEndpoints(URI token, URI refresh, Optional<URI> authorization) {

  /**
   * Resolves the endpoints, reading the discovery document only when the settings leave an endpoint
   * open.
   *
   * @throws TokenRequestException when discovery fails
   */
  static ProviderEndpoints resolve(
      OAuth2Settings settings, OkHttpClient client, Clock clock, CredentialRedaction redaction)
      throws TokenRequestException {
    boolean complete =
        settings.tokenUrl().isPresent()
            && (settings.authorizationUrl().isPresent()
                || settings.grant() != OAuth2GrantType.AuthorizationCode);
    if (settings.issuer().isEmpty() || complete) {
      URI token = settings.tokenUrl().orElseThrow();
      return new ProviderEndpoints(
          token, settings.refreshUrl().orElse(token), settings.authorizationUrl());
    }
    OidcDiscovery.Endpoints discovered =
        OidcDiscovery.discover(settings.issuer().get(), client, clock, redaction);
    URI token = settings.tokenUrl().orElse(discovered.tokenEndpoint());
    return new ProviderEndpoints(
        token,
        settings.refreshUrl().orElse(token),
        settings.authorizationUrl().or(discovered::authorizationEndpoint));
  }
}
