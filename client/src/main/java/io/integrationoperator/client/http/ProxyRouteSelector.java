package io.integrationoperator.client.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Routes each request either through the one configured proxy or, when the no-proxy list matches
 * its host, directly. OkHttp resolves the proxy host name itself, with the client's DNS.
 */
final class ProxyRouteSelector extends ProxySelector {

  private final NoProxyList noProxy;
  private final Proxy proxy;

  ProxyRouteSelector(ProxySettings settings, NoProxyList noProxy) {
    this.noProxy = noProxy;
    this.proxy =
        new Proxy(
            Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.host(), settings.port()));
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost();
    return host != null && noProxy.matches(host) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
  }

  /** Does nothing: there is no other proxy to fall back to, and no fallback to direct. */
  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
}
