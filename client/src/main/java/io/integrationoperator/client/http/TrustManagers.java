package io.integrationoperator.client.http;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the trust managers that decide which server certificates a client accepts. */
final class TrustManagers {

  private TrustManagers() {}

  /** Returns the JVM's default trust manager, which trusts the JDK's cacerts. */
  static X509TrustManager jvmDefault() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * Returns a trust manager whose anchors are the JVM default CAs plus the CAs in {@code
   * caBundlePem}. Adding instead of replacing keeps public services reachable when a bundle only
   * names a private CA, at the cost that a bundle cannot narrow trust to its own CAs.
   *
   * @param source where the PEM text comes from, for error messages
   */
  static X509TrustManager withExtraCas(String caBundlePem, String source)
      throws InvalidSettingsException {
    List<X509Certificate> extraCas = PemCertificates.parse(caBundlePem, source);
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int index = 0;
      for (X509Certificate ca : jvmDefault().getAcceptedIssuers()) {
        anchors.setCertificateEntry("jvm-" + index++, ca);
      }
      index = 0;
      for (X509Certificate ca : extraCas) {
        anchors.setCertificateEntry("bundle-" + index++, ca);
      }
      return fromKeyStore(anchors);
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidSettingsException(
          "could not build a trust store from " + source + ": " + e.getMessage(), e);
    }
  }

  private static X509TrustManager fromKeyStore(KeyStore keyStore) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(keyStore);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the default TrustManagerFactory has no X509TrustManager");
  }

  /** Loads the default trust manager once, on first use. */
  private static final class DefaultHolder {
    private static final X509TrustManager INSTANCE = load();

    private static X509TrustManager load() {
      try {
        return fromKeyStore(null);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JVM's default trust store cannot be loaded", e);
      }
    }
  }
}
