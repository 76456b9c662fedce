package io.integrationoperator.client.connection;

import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.http.ProxySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to call one Integration, resolved from its spec, its model and its Secrets. The
 * operator's probe and the executor build the same settings, so both call alike.
 *
 * @param id the Integration's namespace and name, which key its token cache
 * @param baseUrl effective base URL, for example https://api.example.test:8443/api/v3
 * @param spec the Integration spec, for TLS, authentication and probe settings
 * @param scheme the model's security scheme the authentication applies, if any
 * @param credentials projected credential values by normalised key (see {@link CredentialKeys});
 *     never logged
 * @param caBundlePem PEM certificates trusted in addition to the JVM default trust store: those of
 *     tls.caBundle and of the mutual TLS Secret's ca.crt, joined. When it is empty, the client
 *     still trusts the credential {@code ca.crt} of mutual TLS.
 * @param timeout maximum duration of one call
 * @param proxy the HTTP proxy calls go through; empty for direct connections
 */
public record ConnectionSettings(
    IntegrationId id,
    String baseUrl,
    IntegrationSpec spec,
    Optional<SecuritySchemeInfo> scheme,
    Map<String, String> credentials,
    Optional<String> caBundlePem,
    Duration timeout,
    Optional<ProxySettings> proxy) {

  /** Creates settings for direct connections, without a proxy. */
  public ConnectionSettings(
      IntegrationId id,
      String baseUrl,
      IntegrationSpec spec,
      Optional<SecuritySchemeInfo> scheme,
      Map<String, String> credentials,
      Optional<String> caBundlePem,
      Duration timeout) {
    this(id, baseUrl, spec, scheme, credentials, caBundlePem, timeout, Optional.empty());
  }

  @Override
  public String toString() {
    return "ConnectionSettings[id="
        + id
        + ", baseUrl="
        + baseUrl
        + ", scheme="
        + scheme.map(SecuritySchemeInfo::name).orElse("none")
        + ", credentialKeys="
        + credentials.keySet()
        + ", timeout="
        + timeout
        + ", proxy="
        + proxy.map(ProxySettings::url).orElse("none")
        + "]";
  }
}
