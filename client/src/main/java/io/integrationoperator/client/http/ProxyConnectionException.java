package io.integrationoperator.client.http;

import java.io.IOException;

/**
 * Raised when no connection to the proxy could be made: the TCP connect was refused or found no
 * route, or the TLS handshake with an https proxy failed. No request reached the proxy. The message
 * names the proxy URL and the cause.
 */
public final class ProxyConnectionException extends IOException {

  private final String proxyUrl;

  ProxyConnectionException(String proxyUrl, String message, Throwable cause) {
    super(message, cause);
    this.proxyUrl = proxyUrl;
  }

  /** Returns the proxy's URL without credentials. */
  public String proxyUrl() {
    return proxyUrl;
  }
}
