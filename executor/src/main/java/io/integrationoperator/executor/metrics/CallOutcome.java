package io.integrationoperator.executor.metrics;

import io.integrationoperator.client.connection.CallFailure;

/** Result of one task call, as the {@code outcome} label of the call counter. */
public enum CallOutcome {
  /** The server responded with a 2xx status. */
  OK("ok"),
  /** The server responded with a status other than 2xx. */
  HTTP_ERROR("http_error"),
  /** The TCP connection could not be opened or broke. */
  CONNECTION_FAILED("connection_failed"),
  /** The TLS handshake failed. */
  TLS_FAILED("tls_failed"),
  /** The call took longer than the Integration's timeout. */
  TIMEOUT("timeout"),
  /** The token or key request failed, so the call was not made. */
  TOKEN_FAILED("token_failed"),
  /** The Integration's settings cannot produce a request, for example a malformed base URL. */
  INVALID_REQUEST("invalid_request"),
  /** The response body was longer than the executor's limit (HTTP 502). */
  RESPONSE_TOO_LARGE("response_too_large"),
  /** The HTTP proxy rejected the proxy credentials or wanted some (HTTP 502). */
  PROXY_AUTHENTICATION_FAILED("proxy_authentication_failed"),
  /** The HTTP proxy could not be reached (HTTP 502). */
  PROXY_UNREACHABLE("proxy_unreachable"),
  /** The caller's input was invalid, for example a missing required parameter (HTTP 400). */
  INVALID_INPUT("invalid_input"),
  /** The Integration is not ready, for example because credentials are missing (HTTP 409). */
  NOT_READY("not_ready"),
  /** The executor failed for a reason none of the other outcomes describes. */
  INTERNAL_ERROR("internal_error");

  private final String label;

  CallOutcome(String label) {
    this.label = label;
  }

  /** Returns the label value. */
  public String label() {
    return label;
  }

  /** Returns {@link #OK} for a 2xx status and {@link #HTTP_ERROR} for any other. */
  public static CallOutcome ofStatus(int status) {
    return status >= 200 && status < 300 ? OK : HTTP_ERROR;
  }

  /** Returns the outcome of a call that failed before a response arrived. */
  public static CallOutcome of(CallFailure failure) {
    return switch (failure) {
      case ConnectionFailed -> CONNECTION_FAILED;
      case TlsHandshakeFailed -> TLS_FAILED;
      case Timeout -> TIMEOUT;
      case TokenRequestFailed -> TOKEN_FAILED;
      case InvalidRequest -> INVALID_REQUEST;
      case ResponseTooLarge -> RESPONSE_TOO_LARGE;
      case ProxyAuthenticationFailed -> PROXY_AUTHENTICATION_FAILED;
      case ProxyUnreachable -> PROXY_UNREACHABLE;
    };
  }
}
