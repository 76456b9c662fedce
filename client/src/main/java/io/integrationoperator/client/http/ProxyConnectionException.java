package io.integrationoperator.client.http;

import java.io.IOException;

/**
 * Raised when the TLS handshake with an https proxy fails, so no request reached the proxy. The
 * message names the proxy URL and the cause.
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
