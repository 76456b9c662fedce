package io.integrationoperator.executor.logging;

import io.integrationoperator.api.integration.Syslog;
import io.integrationoperator.api.integration.SyslogFormat;
import io.integrationoperator.api.integration.SyslogProtocol;

/**
 * Syslog server settings of one Integration with the defaults filled in. Two equal targets send the
 * same bytes to the same place, so an unchanged target keeps its appender and connection.
 *
 * @param host host name or IP address, resolved at each connection (TCP) or datagram (UDP)
 * @param port server port
 * @param protocol UDP or TCP
 * @param facility facility of every record
 * @param format message format
 */
record SyslogTarget(
    String host, int port, SyslogProtocol protocol, SyslogFacility facility, SyslogFormat format) {

  /** Port used when the spec sets none: the well-known syslog port. */
  static final int DEFAULT_PORT = 514;

  /**
   * Returns the target that {@code syslog} describes, with the defaults of the Integration CRD.
   *
   * @throws IllegalArgumentException when the host is missing, or the port or facility is invalid
   */
  static SyslogTarget of(Syslog syslog) {
    String host = syslog.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(
          "spec.logging.syslog.host is missing: set the syslog server's host name or IP address");
    }
    int port = syslog.getPort() == null ? DEFAULT_PORT : syslog.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "Invalid spec.logging.syslog.port " + port + ": use a port from 1 to 65535");
    }
    return new SyslogTarget(
        host.trim(),
        port,
        syslog.getProtocol() == null ? SyslogProtocol.UDP : syslog.getProtocol(),
        SyslogFacility.of(syslog.getFacility()),
        syslog.getFormat() == null ? SyslogFormat.RFC5424 : syslog.getFormat());
  }

  @Override
  public String toString() {
    return host + ":" + port + " over " + protocol + " (" + format + ")";
  }
}
