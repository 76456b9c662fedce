package io.integrationoperator.api.integration;

/** Transport used to reach the syslog server. */
public enum SyslogProtocol {
  /** Datagrams over UDP. */
  UDP,
  /** A TCP stream. */
  TCP;
}
