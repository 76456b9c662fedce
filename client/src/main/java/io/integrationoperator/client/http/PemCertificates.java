package io.integrationoperator.client.http;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads X.509 certificates out of PEM text. */
final class PemCertificates {

  private static final Pattern CERTIFICATE_BLOCK =
      Pattern.compile(
          "-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END CERTIFICATE-----");

  private PemCertificates() {}

  /**
   * Parses every CERTIFICATE block of {@code pem}. Text between blocks, such as the comments that
   * bundles often carry, and blocks of other types (keys, CRLs) are skipped.
   *
   * @param source where the text comes from, such as tls.caBundle or tls.crt, for error messages
   * @throws InvalidSettingsException when no block is found or a block is not a valid certificate
   */
  static List<X509Certificate> parse(String pem, String source) throws InvalidSettingsException {
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = CERTIFICATE_BLOCK.matcher(pem);
    while (block.find()) {
      certificates.add(decode(block.group(1), source, certificates.size() + 1));
    }
    if (certificates.isEmpty()) {
      throw new InvalidSettingsException(
          source
              + " contains no PEM certificate (expected -----BEGIN CERTIFICATE----- blocks of"
              + " Base64 text; a block with other characters is not read)");
    }
    return certificates;
  }

  private static X509Certificate decode(String base64, String source, int position)
      throws InvalidSettingsException {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException e) {
      throw new InvalidSettingsException(
          source + " certificate " + position + " is invalid: " + e.getMessage(), e);
    }
  }
}
