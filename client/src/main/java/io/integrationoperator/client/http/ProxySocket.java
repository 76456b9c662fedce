package io.integrationoperator.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * A socket that connects like a plain one and, when it connects to an https proxy, continues as the
 * TLS socket of its handshake with the proxy. Every operation goes to the current socket: the plain
 * one before and during connect, then the TLS one for https proxy connections.
 */
final class ProxySocket extends Socket {

  private final ProxySocketFactory factory;
  private final Socket plain = new Socket();
  private volatile Socket current = plain;

  ProxySocket(ProxySocketFactory factory) {
    this.factory = factory;
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    boolean proxy = endpoint instanceof InetSocketAddress address && factory.isProxy(address);
    if (!proxy) {
      plain.connect(endpoint, timeout);
      return;
    }
    try {
      plain.connect(endpoint, timeout);
    } catch (ConnectException | NoRouteToHostException e) {
      throw factory.connectFailed(e);
    }
    current = factory.proxyConnection(plain, timeout);
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    plain.bind(bindpoint);
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return current.getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return current.getOutputStream();
  }

  @Override
  public InetAddress getInetAddress() {
    return plain.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return plain.getLocalAddress();
  }

  @Override
  public int getPort() {
    return plain.getPort();
  }

  @Override
  public int getLocalPort() {
    return plain.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return plain.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return plain.getLocalSocketAddress();
  }

  /** Returns null: the TLS layer of a proxy connection has no channel. */
  @Override
  public SocketChannel getChannel() {
    return null;
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    current.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return current.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    current.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return current.getSoLinger();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    current.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return current.getSoTimeout();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    current.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return current.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    current.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return current.getReceiveBufferSize();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    current.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return current.getKeepAlive();
  }

  @Override
  public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
    plain.setOption(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return plain.getOption(name);
  }

  @Override
  public Set<SocketOption<?>> supportedOptions() {
    return plain.supportedOptions();
  }

  @Override
  public void shutdownInput() throws IOException {
    current.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    current.shutdownOutput();
  }

  @Override
  public boolean isConnected() {
    return plain.isConnected();
  }

  @Override
  public boolean isBound() {
    return plain.isBound();
  }

  @Override
  public boolean isClosed() {
    return current.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return current.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return current.isOutputShutdown();
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      current.close();
    } finally {
      plain.close();
    }
  }

  @Override
  public String toString() {
    return "ProxySocket[" + current + "]";
  }
}
