package io.integrationoperator.executor.logging;

import java.io.Closeable;
import java.io.IOException;

/** Sends encoded syslog messages to one server. Used by a single sender thread. */
interface SyslogTransport extends Closeable {

  /** Sends one message, adding the framing the transport needs. */
  void send(byte[] message) throws IOException;

  /** Releases the socket; a later {@link #send} opens a new one. Throws no exception. */
  @Override
  void close();

  /** Creates the transport for {@code target}'s protocol. */
  static SyslogTransport of(SyslogTarget target) {
    return switch (target.protocol()) {
      case UDP -> new UdpSyslogTransport(target.host(), target.port());
      case TCP -> new TcpSyslogTransport(target.host(), target.port());
    };
  }
}
