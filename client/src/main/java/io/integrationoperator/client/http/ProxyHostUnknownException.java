package io.integrationoperator.client.http;

import java.net.UnknownHostException;

/** Raised when the proxy's host name cannot be resolved. The message names the proxy URL. */
public final class ProxyHostUnknownException extends UnknownHostException {

  private final String proxyUrl;

  ProxyHostUnknownException(String proxyUrl, UnknownHostException cause) {
    super(
        "could not resolve the host name of the proxy "
            + proxyUrl
            + " (unknown host); check the proxy URL");
    initCause(cause);
    this.proxyUrl = proxyUrl;
  }

  /** Returns the proxy's URL without credentials. */
  public String proxyUrl() {
    return proxyUrl;
  }
}
