package io.integrationoperator.client.http;

import io.integrationoperator.api.integration.EffectiveProxy;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP proxy an Integration's calls go through, resolved from status.routing.proxy and the
 * projected credentials. Every request of the Integration uses it unless its host is on the
 * no-proxy list (see {@link NoProxyList} for the matching rules): task calls, probes, and token,
 * OpenID Connect discovery and key requests.
 *
 * @param protocol protocol spoken to the proxy: http, or https for a TLS connection to the proxy
 * @param host proxy host name or IP address
 * @param port proxy TCP port
 * @param username user name for Basic proxy authentication, if the proxy needs it
 * @param password password for Basic proxy authentication; never logged
 * @param noProxy hosts reached without the proxy: exact host names, domain suffixes starting with a
 *     dot, or CIDR ranges
 * @param caBundlePem PEM certificates that sign an https proxy's certificate, trusted in addition
 *     to the JVM's default trust store
 */
public record ProxySettings(
    ServerProtocol protocol,
    String host,
    int port,
    Optional<String> username,
    Optional<String> password,
    List<String> noProxy,
    Optional<String> caBundlePem) {

  public ProxySettings {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    noProxy = List.copyOf(noProxy);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port " + port + " is not between 1 and 65535");
    }
  }

  /**
   * Builds the settings from the effective proxy of status.routing.proxy and the projected
   * credentials {@code proxyUsername}, {@code proxyPassword} and {@code proxyCaBundle}.
   *
   * @throws InvalidSettingsException when the URL is not {@code http://host:port} or {@code
   *     https://host:port}, a noProxy entry is invalid, or the proxy is marked authenticated and
   *     the user name or password is missing
   */
  public static ProxySettings from(EffectiveProxy proxy, Map<String, String> credentials)
      throws InvalidSettingsException {
    Map<String, String> values = credentials == null ? Map.of() : credentials;
    URI url = ProxyUrls.parse(proxy.getUrl());
    List<String> noProxy = proxy.getNoProxy() == null ? List.of() : proxy.getNoProxy();
    NoProxyList.parse(noProxy);
    Optional<String> username = nonBlank(values.get(CredentialKeys.PROXY_USERNAME));
    Optional<String> password = Optional.ofNullable(values.get(CredentialKeys.PROXY_PASSWORD));
    if (Boolean.TRUE.equals(proxy.getAuthenticated())
        && (username.isEmpty() || password.isEmpty())) {
      throw new InvalidSettingsException(
          "the proxy "
              + ProxyUrls.withoutUserInfo(url)
              + " needs Basic credentials, but "
              + (username.isEmpty() ? CredentialKeys.PROXY_USERNAME : CredentialKeys.PROXY_PASSWORD)
              + " is missing from the projected credentials; check that the proxy Secret has the"
              + " keys username and password");
    }
    return new ProxySettings(
        ServerProtocol.valueOf(url.getScheme()),
        ProxyUrls.host(url),
        url.getPort(),
        username,
        username.isPresent() ? password : Optional.empty(),
        noProxy,
        nonBlank(values.get(CredentialKeys.PROXY_CA_BUNDLE)));
  }

  /**
   * Returns true when requests to {@code host} (as a URL carries it, IPv6 literals with or without
   * brackets) go through the proxy, that is when no noProxy entry matches it. An invalid noProxy
   * list counts as matching nothing here; {@link HttpClientFactory#clientFor} rejects it.
   */
  public boolean proxies(String host) {
    try {
      return !NoProxyList.parse(noProxy).matches(host);
    } catch (InvalidSettingsException e) {
      return true;
    }
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(text -> !text.isBlank());
  }

  /** Returns the proxy's URL without credentials, for messages and status. */
  public String url() {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return protocol + "://" + literal + ":" + port;
  }

  @Override
  public String toString() {
    return "ProxySettings[url="
        + url()
        + ", authenticated="
        + username.isPresent()
        + ", noProxy="
        + noProxy
        + "]";
  }
}
