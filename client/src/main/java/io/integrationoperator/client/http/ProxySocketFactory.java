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
 * Creates the sockets OkHttp connects with when a proxy is configured. OkHttp takes every TCP
 * socket, direct and proxy alike, from the client's socket factory and then talks HTTP or CONNECT
 * over it. A socket from this factory checks on connect whether the address is the proxy's. If so,
 * a failed connect raises {@link ProxyConnectionException} naming the proxy, and for an https
 * proxy, which OkHttp has no proxy type for, the socket completes a TLS handshake with the proxy
 * (SNI and certificate check against the proxy host) before OkHttp sends anything. TLS to a target
 * server then runs inside that TLS session.
 *
 * <p>A connection counts as the proxy's when its port is the proxy port and its address is the
 * proxy host: the name OkHttp resolved, or the same IP literal.
 */
final class ProxySocketFactory extends SocketFactory {

  private final ProxySettings proxy;
  private final SSLSocketFactory tls;

  /**
   * Creates a factory for {@code proxy}.
   *
   * @param tls the socket factory for the TLS connection to an https proxy; null for an http proxy
   */
  ProxySocketFactory(ProxySettings proxy, SSLSocketFactory tls) {
    this.proxy = proxy;
    this.tls = tls;
  }

  /**
   * Returns the connection to the proxy ready for OkHttp: {@code connected} itself for an http
   * proxy, else the TLS socket of a completed handshake over it.
   *
   * @param timeoutMillis how long the handshake may take; 0 means no limit
   * @throws ProxyConnectionException when the handshake fails
   */
  Socket proxyConnection(Socket connected, int timeoutMillis) throws IOException {
    return tls == null ? connected : handshake(connected, timeoutMillis);
  }

  /** Returns the exception for a failed TCP connect to the proxy. */
  ProxyConnectionException connectFailed(IOException cause) {
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new ProxyConnectionException(
        proxy.url(),
        "could not connect to the proxy "
            + proxy.url()
            + ": "
            + detail.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
            + detail.substring(1)
            + "; check the proxy URL and that the proxy is running",
        cause);
  }

  @Override
  public Socket createSocket() {
    return new ProxySocket(this);
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

  private SSLSocket handshake(Socket connected, int timeoutMillis) throws IOException {
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
