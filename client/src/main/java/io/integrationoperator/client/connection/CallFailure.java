package io.integrationoperator.client.connection;

/** Why a call produced no response envelope. Values are the Connected condition reasons. */
public enum CallFailure {
  /** The TCP connection could not be opened or broke. */
  ConnectionFailed,
  /** The TLS handshake failed, for example because the certificate is not trusted. */
  TlsHandshakeFailed,
  /** The call took longer than the timeout. */
  Timeout,
  /** The token or key request failed before the call was made. */
  TokenRequestFailed,
  /** The settings cannot produce a request, for example a malformed base URL. */
  InvalidRequest,
  /**
   * The response body is longer than the limit of a client created with one; the probe sets none
   * and truncates long bodies instead.
   */
  ResponseTooLarge,
  /**
   * The HTTP proxy responded with 407 Proxy Authentication Required: it rejected the proxy
   * credentials, or none are configured. The request did not reach the server.
   */
  ProxyAuthenticationFailed,
  /**
   * The HTTP proxy could not be reached: its host name is unknown, it refused the TCP connection,
   * or the TLS handshake with an https proxy failed. The request did not reach the server.
   */
  ProxyUnreachable
}
