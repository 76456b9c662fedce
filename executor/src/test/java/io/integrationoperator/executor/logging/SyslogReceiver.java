package io.integrationoperator.executor.logging;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Syslog server for tests on 127.0.0.1 and a port the system picks: UDP takes one message per
 * datagram, TCP reads octet-counted frames (RFC 6587) and rejects any other framing.
 */
final class SyslogReceiver implements AutoCloseable {

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final List<String> framingErrors = new ArrayList<>();
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final List<Socket> connections = new ArrayList<>();
  private final Thread thread;

  private SyslogReceiver(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
    this.thread = new Thread(udp != null ? this::receiveDatagrams : this::acceptConnections);
    thread.setDaemon(true);
    thread.start();
  }

  static SyslogReceiver udp() throws IOException {
    return new SyslogReceiver(
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), null);
  }

  static SyslogReceiver tcp() throws IOException {
    return new SyslogReceiver(null, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  /** Starts a TCP receiver on a port that the test picked before, for example to reopen it. */
  static SyslogReceiver tcpOn(int port) throws IOException {
    return new SyslogReceiver(null, new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
  }

  int port() {
    return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
  }

  /** Returns the next message, or null when none arrives within {@code timeout}. */
  String poll(Duration timeout) throws InterruptedException {
    return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Returns the frames whose length prefix was malformed; empty when all were well formed. */
  synchronized List<String> framingErrors() {
    return List.copyOf(framingErrors);
  }

  private void receiveDatagrams() {
    byte[] buffer = new byte[65536];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException e) {
        return;
      }
      messages.add(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8));
    }
  }

  private void acceptConnections() {
    while (!tcp.isClosed()) {
      try {
        Socket socket = tcp.accept();
        synchronized (this) {
          connections.add(socket);
        }
        Thread reader = new Thread(() -> readFrames(socket));
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void readFrames(Socket socket) {
    try (InputStream in = socket.getInputStream()) {
      while (true) {
        int length = readLength(in);
        messages.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
      }
    } catch (EOFException | SocketException e) {
      // The sender closed the connection, or the test closed the receiver.
    } catch (IOException e) {
      synchronized (this) {
        framingErrors.add(e.getMessage());
      }
    }
  }

  private static int readLength(InputStream in) throws IOException {
    ByteArrayOutputStream digits = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != ' ') {
      if (b < 0) {
        throw new EOFException();
      }
      if (b < '0' || b > '9' || digits.size() > 9) {
        throw new IOException("Invalid octet count prefix: " + digits + (char) b);
      }
      digits.write(b);
    }
    return Integer.parseInt(digits.toString(StandardCharsets.US_ASCII));
  }

  @Override
  public synchronized void close() throws IOException {
    if (udp != null) {
      udp.close();
    } else {
      tcp.close();
      for (Socket socket : connections) {
        socket.close();
      }
    }
  }
}
