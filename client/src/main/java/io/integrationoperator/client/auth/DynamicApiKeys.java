package io.integrationoperator.client.auth;

import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.apikey.DynamicKeySource;
import io.integrationoperator.client.apikey.KeyRequest;
import io.integrationoperator.client.apikey.KeyRequests;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.token.TokenCache;
import io.integrationoperator.client.token.TokenCaches;
import java.time.Clock;

/**
 * Builds the authenticator for an API key obtained at run time: the key comes from the
 * Integration's token cache, which sends the key request when it has no key, and is placed where
 * the model's apiKey scheme specifies. After a 401 the key is dropped and requested once more.
 */
final class DynamicApiKeys {

  private DynamicApiKeys() {}

  /**
   * Creates the authenticator for one call.
   *
   * @throws InvalidSettingsException when the key request cannot be resolved or the TLS settings
   *     are invalid
   */
  static RequestAuthenticator authenticator(
      ConnectionSettings settings,
      SecuritySchemeInfo scheme,
      ApiKeyPlacement placement,
      TokenCaches tokens,
      HttpClientFactory clients)
      throws InvalidSettingsException {
    KeyRequest keyRequest = KeyRequests.resolve(settings, scheme);
    DynamicKeySource source =
        new DynamicKeySource(
            keyRequest,
            clients.clientFor(settings),
            CredentialRedaction.of(settings.credentials()),
            key -> placement.check(key, "apiKey obtained by the key request"),
            Clock.systemUTC());
    TokenCache cache = tokens.cacheFor(settings.id(), configuration(keyRequest, settings), source);
    return new TokenAuthenticator(
        cache,
        (request, token) -> placement.apply(request, token.value()),
        placement.credentialQueryParameters());
  }

  /**
   * Returns what the cached key depends on: the key request, including its parameter values only
   * through a hash, and the client settings that the cache's source was created with.
   */
  private static String configuration(KeyRequest keyRequest, ConnectionSettings settings) {
    Tls tls = settings.spec() == null ? null : settings.spec().getTls();
    return keyRequest.digest()
        + "/verify="
        + (tls == null ? null : tls.getVerify())
        + ",serverName="
        + (tls == null ? null : tls.getServerName())
        + ",caBundle="
        + settings.caBundlePem().map(String::hashCode).orElse(0)
        + ",timeout="
        + HttpClientFactory.callTimeout(settings);
  }
}
