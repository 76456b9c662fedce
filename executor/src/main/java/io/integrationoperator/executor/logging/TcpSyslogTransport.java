package io.integrationoperator.executor.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Sends messages over one TCP connection with octet-counting framing (RFC 6587, section 3.4.1):
 * each message is preceded by its length in bytes and a space, so messages may contain any byte.
 */
final class TcpSyslogTransport implements SyslogTransport {

  /** Maximum time to open a connection, in milliseconds. */
  static final int CONNECT_TIMEOUT_MILLIS = 2000;

  private final String host;
  private final int port;
  private volatile Socket socket;
  private OutputStream out;

  TcpSyslogTransport(String host, int port) {
    this.host = host;
    this.port = port;
  }

  // NOTE: a connection that the server closed is only noticed at the second write after the
  // close, because the first one still fits into the local socket buffer. That one record is lost
  // without being counted as dropped.
  @Override
  public void send(byte[] message) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
      out.write(message);
      out.flush();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    // Resolved at each connection so a changed DNS record takes effect after a reconnect.
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new UnknownHostException("Syslog host " + host + " cannot be resolved");
    }
    Socket connection = new Socket();
    try {
      connection.connect(address, CONNECT_TIMEOUT_MILLIS);
      connection.setTcpNoDelay(true);
      out = connection.getOutputStream();
    } catch (IOException e) {
      connection.close();
      throw e;
    }
    socket = connection;
  }

  /**
   * Closes the connection. Safe to call from another thread, where it also ends a write that blocks
   * because the server stopped reading.
   */
  @Override
  public void close() {
    Socket connection = socket;
    socket = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException e) {
        // Nothing is left to release.
      }
    }
  }
}
