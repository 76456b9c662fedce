package io.integrationoperator.client.http;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads an unencrypted private key out of PEM text with BouncyCastle's {@link PEMParser}. It
 * accepts PKCS#8 ({@code BEGIN PRIVATE KEY}), RSA PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and EC
 * SEC1 ({@code BEGIN EC PRIVATE KEY}, with or without an {@code EC PARAMETERS} block before it), as
 * openssl, cert-manager and kubectl write them.
 *
 * <p>Error messages name the credential key and never contain key material, not even the parser's
 * own messages, because those may quote the input.
 */
final class PemPrivateKeys {

  /** Command that removes the passphrase of any PEM private key, for error messages. */
  static final String DECRYPT_COMMAND = "openssl pkey -in encrypted.key -out tls.key";

  private PemPrivateKeys() {}

  /**
   * Parses the first private key of {@code pem}. EC parameter blocks are skipped.
   *
   * @param source the credential key the text comes from, for messages, such as tls.key
   * @throws InvalidSettingsException when the text contains no private key or an encrypted one, or
   *     is not valid PEM
   */
  static PrivateKey parse(String pem, String source) throws InvalidSettingsException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      while (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
        object = parser.readObject();
      }
      return convert(object, source);
    } catch (PEMException e) {
      throw new InvalidSettingsException(
          source + " is not a valid PEM private key (the key cannot be decoded); " + fix(source));
    } catch (IOException e) {
      throw new InvalidSettingsException(
          source + " cannot be read as PEM (" + e.getClass().getSimpleName() + "); " + fix(source));
    }
  }

  private static PrivateKey convert(Object object, String source)
      throws InvalidSettingsException, PEMException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    if (object instanceof PEMKeyPair keyPair) {
      // Only the private part is read: SEC1 keys need not carry their public key.
      return converter.getPrivateKey(keyPair.getPrivateKeyInfo());
    }
    if (object instanceof PrivateKeyInfo keyInfo) {
      return converter.getPrivateKey(keyInfo);
    }
    if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new InvalidSettingsException(
          source
              + " contains an encrypted private key, which is not supported because the Secret"
              + " has no place for a passphrase; decrypt it with '"
              + DECRYPT_COMMAND
              + "' and store the result in the Secret");
    }
    if (object instanceof X509CertificateHolder) {
      throw new InvalidSettingsException(
          source
              + " contains a certificate where a private key is expected; put the certificate in"
              + " tls.crt and its private key in tls.key");
    }
    if (object == null) {
      throw new InvalidSettingsException(
          source
              + " contains no PEM private key (no -----BEGIN ... PRIVATE KEY----- block); "
              + fix(source));
    }
    throw new InvalidSettingsException(
        source
            + " contains a PEM block of an unsupported type where a private key is expected; "
            + fix(source));
  }

  private static String fix(String source) {
    return "store the client certificate's unencrypted private key in "
        + source
        + " as PKCS#8 (BEGIN PRIVATE KEY), RSA (BEGIN RSA PRIVATE KEY) or EC (BEGIN EC PRIVATE"
        + " KEY) PEM";
  }
}
