package io.integrationoperator.api.integration;

/** URL scheme used to reach the server. */
public enum ServerProtocol {
  /** Plain HTTP. */
  http,
  /** HTTP over TLS. */
  https;
}
