package io.integrationoperator.api.integration;

/** Message format of the records sent to a syslog server. */
public enum SyslogFormat {
  /** The syslog protocol of RFC 5424, with version, ISO 8601 timestamp and structured data. */
  RFC5424,
  /** The BSD syslog format described in RFC 3164, as older servers expect it. */
  RFC3164;
}
