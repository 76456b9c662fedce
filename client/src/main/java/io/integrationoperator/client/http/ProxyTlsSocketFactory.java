package io.integrationoperator.client.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Creates the plain sockets OkHttp connects with, and speaks TLS on those that connect to an https
 * proxy. OkHttp has no https proxy type: it takes every TCP socket, direct and proxy alike, from
 * the client's socket factory and then talks HTTP or CONNECT over it. A socket from this factory
 * checks on connect whether the address is the proxy's, and if so completes a TLS handshake with
 * the proxy (SNI and certificate check against the proxy host) before OkHttp sends anything. TLS to
 * a target server then runs inside that TLS session.
 *
 * <p>A connection counts as the proxy's when its port is the proxy port and its address is the
 * proxy host: the name OkHttp resolved, or the same IP literal.
 */
final class ProxyTlsSocketFactory extends SocketFactory {

  private final ProxySettings proxy;
  private final SSLSocketFactory tls;

  ProxyTlsSocketFactory(ProxySettings proxy, SSLSocketFactory tls) {
    this.proxy = proxy;
    this.tls = tls;
  }

  @Override
  public Socket createSocket() {
    return new ProxyTlsSocket(this);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  /** Returns true when {@code address} is the proxy's host and port. */
  boolean isProxy(InetSocketAddress address) {
    if (address.getPort() != proxy.port()) {
      return false;
    }
    if (proxy.host().equalsIgnoreCase(address.getHostString())) {
      return true;
    }
    if (address.getAddress() == null || !HostNames.isIpAddress(proxy.host())) {
      return false;
    }
    try {
      return InetAddress.getByName(proxy.host()).equals(address.getAddress());
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Completes a TLS handshake with the proxy over {@code connected} and returns the TLS socket.
   *
   * @param timeoutMillis how long the handshake may take; 0 means no limit
   * @throws ProxyConnectionException when the handshake fails
   */
  SSLSocket handshake(Socket connected, int timeoutMillis) throws IOException {
    int readTimeout = connected.getSoTimeout();
    SSLSocket socket = (SSLSocket) tls.createSocket(connected, proxy.host(), proxy.port(), true);
    SSLParameters parameters = socket.getSSLParameters();
    if (!HostNames.isIpAddress(proxy.host())) {
      parameters.setServerNames(List.of(new SNIHostName(proxy.host())));
    }
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    socket.setSSLParameters(parameters);
    try {
      socket.setSoTimeout(timeoutMillis);
      socket.startHandshake();
      socket.setSoTimeout(readTimeout);
      return socket;
    } catch (SSLException e) {
      socket.close();
      throw new ProxyConnectionException(
          proxy.url(),
          "TLS handshake with the proxy " + proxy.url() + " failed: " + describe(e),
          e);
    }
  }

  private String describe(SSLException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertPathBuilderException
          || cause instanceof CertPathValidatorException) {
        return "the proxy certificate is not trusted (it is not signed by a CA in the JVM trust"
            + " store or the proxy caBundle)";
      }
      String message = cause.getMessage();
      if (message != null
          && (message.contains("No subject alternative") || message.contains("No name matching"))) {
        return "the proxy certificate is not valid for the host name " + proxy.host();
      }
    }
    return String.valueOf(exception.getMessage());
  }
}
