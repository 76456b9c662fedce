package io.integrationoperator.client.http;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager with exactly one client certificate, which it offers whenever the server requests
 * one and the key type fits. It ignores the CA names that the server lists in its certificate
 * request, because servers may list only their root CA, or none at all, while the client
 * certificate comes from an intermediate CA. The server still verifies the chain it receives.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {

  private static final String ALIAS = "client";

  private final X509Certificate[] chain;
  private final PrivateKey privateKey;

  ClientKeyManager(X509Certificate[] chain, PrivateKey privateKey) {
    this.chain = chain.clone();
    this.privateKey = privateKey;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return fits(keyTypes) ? ALIAS : null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return fits(keyTypes) ? ALIAS : null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return fits(new String[] {keyType}) ? new String[] {ALIAS} : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? privateKey : null;
  }

  /** Returns null: this key manager serves the client side of a handshake only. */
  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  /** Returns null: this key manager serves the client side of a handshake only. */
  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  /** Describes the certificate without the key. */
  @Override
  public String toString() {
    return "ClientKeyManager[subject="
        + chain[0].getSubjectX500Principal().getName()
        + ", keyAlgorithm="
        + privateKey.getAlgorithm()
        + ", chainLength="
        + chain.length
        + "]";
  }

  /**
   * Returns true when one of the key types the JDK requests is the key's algorithm. Types may carry
   * a suffix after an underscore (EC_EC in older TLS versions), which is ignored.
   */
  private boolean fits(String[] keyTypes) {
    if (keyTypes == null) {
      return false;
    }
    String algorithm = privateKey.getAlgorithm();
    return Arrays.stream(keyTypes)
        .filter(type -> type != null)
        .map(type -> type.contains("_") ? type.substring(0, type.indexOf('_')) : type)
        .anyMatch(algorithm::equalsIgnoreCase);
  }
}
