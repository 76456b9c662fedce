package io.integrationoperator.operator.gateway;

import io.integrationoperator.api.integration.ServerProtocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's default HTTP proxy, used by Integrations in execution mode Proxy that set no
 * spec.gateway.proxy.
 *
 * @param protocol protocol spoken to the proxy
 * @param host proxy host name or IP address
 * @param port proxy TCP port
 * @param secretName Secret in the operator's namespace with the optional keys {@code username},
 *     {@code password} and {@code ca.crt}; empty when the proxy needs neither
 * @param noProxy hosts reached without the proxy
 */
public record DefaultProxy(
    ServerProtocol protocol,
    String host,
    int port,
    Optional<String> secretName,
    List<String> noProxy) {

  public DefaultProxy {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(secretName, "secretName");
    noProxy = List.copyOf(noProxy);
  }

  /** Returns the proxy's URL, for example http://proxy.example.test:3128. */
  public String url() {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return protocol + "://" + literal + ":" + port;
  }
}
