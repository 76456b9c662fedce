package io.integrationoperator.client.oauth2;

import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.HttpClientFactory;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Chooses the OkHttp client for token, refresh and discovery requests. It applies the Integration's
 * tls.verify, CA bundle and timeout, because the identity provider usually sits behind the same
 * private CA as the API. It leaves out tls.serverName, which names the API server's certificate and
 * would fail the handshake with an identity provider on another host. It keeps the proxy: token
 * requests go through it unless the identity provider's host is on the no-proxy list.
 */
final class TokenHttpClients {

  private TokenHttpClients() {}

  static OkHttpClient clientFor(ConnectionSettings settings, HttpClientFactory clients)
      throws InvalidSettingsException {
    IntegrationSpec spec = new IntegrationSpec();
    Tls tls = settings.spec() == null ? null : settings.spec().getTls();
    if (tls != null) {
      Tls copy = new Tls();
      copy.setVerify(tls.getVerify());
      copy.setCaBundle(tls.getCaBundle());
      spec.setTls(copy);
    }
    // NOTE: without the credentials, the mutualTls client certificate is not presented to the
    // token endpoint, so providers that require RFC 8705 client authentication reject requests.
    ConnectionSettings tokenSettings =
        new ConnectionSettings(
            settings.id(),
            settings.baseUrl(),
            spec,
            Optional.empty(),
            Map.of(),
            settings.caBundlePem(),
            settings.timeout(),
            settings.proxy());
    return clients.clientFor(tokenSettings);
  }
}
