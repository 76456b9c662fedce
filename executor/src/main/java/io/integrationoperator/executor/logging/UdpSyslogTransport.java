package io.integrationoperator.executor.logging;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Sends each message as one UDP datagram (RFC 5426). */
final class UdpSyslogTransport implements SyslogTransport {

  private final String host;
  private final int port;
  private DatagramSocket socket;

  UdpSyslogTransport(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public void send(byte[] message) throws IOException {
    // Resolved per datagram so a changed DNS record takes effect; the JVM's address cache
    // keeps this from querying DNS for every record.
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new UnknownHostException("Syslog host " + host + " cannot be resolved");
    }
    if (socket == null) {
      socket = new DatagramSocket();
    }
    socket.send(new DatagramPacket(message, message.length, address));
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
