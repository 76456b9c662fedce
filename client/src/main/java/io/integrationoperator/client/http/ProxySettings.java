package io.integrationoperator.client.http;

import io.integrationoperator.api.integration.ServerProtocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP proxy an Integration's calls go through, resolved from status.routing.proxy and the
 * projected credentials.
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
