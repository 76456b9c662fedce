package io.integrationoperator.client.http;

import java.net.ProtocolException;

/**
 * Raised when the proxy responds with 407 Proxy Authentication Required and the client does not
 * retry: no proxy credentials are configured, or the proxy rejected the ones already sent. It
 * extends {@link ProtocolException} because OkHttp does not retry a call after a protocol failure.
 * The message names the proxy URL, never the credentials.
 */
public final class ProxyAuthenticationException extends ProtocolException {

  private final String proxyUrl;

  ProxyAuthenticationException(String proxyUrl, String message) {
    super(message);
    this.proxyUrl = proxyUrl;
  }

  /** Returns the proxy's URL without credentials. */
  public String proxyUrl() {
    return proxyUrl;
  }
}
