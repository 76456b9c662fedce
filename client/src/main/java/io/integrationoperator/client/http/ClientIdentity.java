package io.integrationoperator.client.http;

import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client certificate chain and private key of mutual TLS, as PEM text from the credentials
 * {@code tls.crt} and {@code tls.key}. Two identities are equal when both texts are, so an identity
 * can be part of a client cache key. {@link #toString()} never shows the texts.
 *
 * @param certificatePem tls.crt: the client certificate first, then any intermediate CAs
 * @param privateKeyPem tls.key: the unencrypted private key of the client certificate
 */
record ClientIdentity(String certificatePem, String privateKeyPem) {

  private static final Map<String, String> SIGNATURE_ALGORITHMS =
      Map.of(
          "RSA", "SHA256withRSA",
          "EC", "SHA256withECDSA",
          "DSA", "SHA256withDSA",
          "EdDSA", "EdDSA",
          "Ed25519", "Ed25519",
          "Ed448", "Ed448");

  /**
   * Returns the identity when spec.authentication.mutualTls is set.
   *
   * @throws InvalidSettingsException when tls.crt or tls.key is missing or empty
   */
  static Optional<ClientIdentity> of(ConnectionSettings settings) throws InvalidSettingsException {
    Authentication authentication =
        settings.spec() == null ? null : settings.spec().getAuthentication();
    if (authentication == null || authentication.getMutualTls() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ClientIdentity(
            require(settings.credentials(), CredentialKeys.TLS_CRT),
            require(settings.credentials(), CredentialKeys.TLS_KEY)));
  }

  /**
   * Parses and checks the chain and key and returns a key manager that presents them.
   *
   * @throws InvalidSettingsException when either text cannot be parsed, the key does not belong to
   *     the first certificate, or that certificate is expired or not yet valid
   */
  ClientKeyManager keyManager() throws InvalidSettingsException {
    List<X509Certificate> chain = PemCertificates.parse(certificatePem, CredentialKeys.TLS_CRT);
    PrivateKey privateKey = PemPrivateKeys.parse(privateKeyPem, CredentialKeys.TLS_KEY);
    requireMatch(chain, privateKey);
    requireValidNow(chain.get(0));
    return new ClientKeyManager(chain.toArray(new X509Certificate[0]), privateKey);
  }

  @Override
  public String toString() {
    return "ClientIdentity[tls.crt=" + certificatePem.length() + " chars, tls.key=****]";
  }

  private static String require(Map<String, String> credentials, String key)
      throws InvalidSettingsException {
    String value = credentials == null ? null : credentials.get(key);
    if (value == null || value.isBlank()) {
      throw new InvalidSettingsException(
          "the credential '"
              + key
              + "' for mutualTls authentication is missing or empty; the Secret that"
              + " mutualTls.secretRef names needs tls.crt and tls.key");
    }
    return value;
  }

  /** Checks that the key belongs to the first certificate, naming a later one that it fits. */
  private static void requireMatch(List<X509Certificate> chain, PrivateKey privateKey)
      throws InvalidSettingsException {
    X509Certificate leaf = chain.get(0);
    if (matches(privateKey, leaf.getPublicKey())) {
      return;
    }
    for (int i = 1; i < chain.size(); i++) {
      if (matches(privateKey, chain.get(i).getPublicKey())) {
        throw new InvalidSettingsException(
            "tls.key belongs to certificate "
                + (i + 1)
                + " of tls.crt, but the client certificate must come first; put the client"
                + " certificate before its intermediate CAs in tls.crt");
      }
    }
    throw new InvalidSettingsException(
        "tls.key does not match the client certificate in tls.crt (subject "
            + leaf.getSubjectX500Principal().getName()
            + ", "
            + leaf.getPublicKey().getAlgorithm()
            + " public key, the key is "
            + privateKey.getAlgorithm()
            + "); store the private key that belongs to this certificate");
  }

  /**
   * Returns true when a signature made with the private key verifies with the public key. Key types
   * this check does not know are assumed to match, and the server then decides.
   */
  private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    String algorithm = SIGNATURE_ALGORITHMS.get(privateKey.getAlgorithm());
    if (algorithm == null) {
      // NOTE: keys of other algorithms (RSASSA-PSS, say) are not compared before the handshake.
      return true;
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static void requireValidNow(X509Certificate leaf) throws InvalidSettingsException {
    try {
      leaf.checkValidity();
    } catch (CertificateExpiredException e) {
      throw new InvalidSettingsException(
          "the client certificate in tls.crt expired on "
              + leaf.getNotAfter().toInstant()
              + "; renew it and update the Secret");
    } catch (CertificateNotYetValidException e) {
      throw new InvalidSettingsException(
          "the client certificate in tls.crt is not valid before "
              + leaf.getNotBefore().toInstant()
              + "; check the clocks or issue a certificate that is valid now");
    }
  }
}
