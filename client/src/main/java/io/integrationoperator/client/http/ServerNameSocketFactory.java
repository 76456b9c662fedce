package io.integrationoperator.client.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens TLS sockets that present a fixed server name instead of the URL host. The name is sent in
 * SNI unless it is an IP address, which SNI cannot carry. When verification is on, the JDK checks
 * the certificate against the name during the handshake (endpoint identification "HTTPS", the RFC
 * 2818 rules). The TCP connection still goes to the URL host, so tls.serverName works for
 * IP-literal hosts and for servers reached under another name.
 */
final class ServerNameSocketFactory extends SSLSocketFactory {

  private final SSLSocketFactory delegate;
  private final String serverName;
  private final boolean verify;

  ServerNameSocketFactory(SSLSocketFactory delegate, String serverName, boolean verify) {
    this.delegate = delegate;
    this.serverName = serverName;
    this.verify = verify;
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    // The name passed here becomes the session's peer host, which the JDK's identity check uses.
    return configure(delegate.createSocket(socket, serverName, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return configure(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configure(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  private Socket configure(Socket socket) {
    if (socket instanceof SSLSocket sslSocket) {
      SSLParameters parameters = sslSocket.getSSLParameters();
      if (!HostNames.isIpAddress(serverName)) {
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
      }
      if (verify) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
      }
      sslSocket.setSSLParameters(parameters);
    }
    return socket;
  }
}
