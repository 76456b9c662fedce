package io.integrationoperator.client.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves names with the system resolver, and raises {@link ProxyHostUnknownException} when the
 * proxy's own host name cannot be resolved, so that the failure names the proxy.
 */
final class ProxyDns implements Dns {

  private final ProxySettings proxy;

  ProxyDns(ProxySettings proxy) {
    this.proxy = proxy;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    try {
      return Dns.SYSTEM.lookup(hostname);
    } catch (UnknownHostException e) {
      if (!hostname.equalsIgnoreCase(proxy.host())) {
        throw e;
      }
      throw new ProxyHostUnknownException(proxy.url(), e);
    }
  }
}
