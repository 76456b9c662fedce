package io.integrationoperator.client.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test PKI made with BouncyCastle: a CA, a server certificate it signs for 127.0.0.1 and localhost,
 * a client certificate it signs, and a second, unrelated CA that signs another server certificate
 * for the same names. All keys are EC P-256. The PEM files are written to the directory given to
 * {@link #create(Path)}.
 *
 * <p>A client that trusts {@link #caPem()} accepts {@link #server()}, and rejects {@link
 * #serverSignedByOtherCa()} unless verification is off.
 */
public final class TestCertificates {

  /** DNS name in the server certificates' subject alternative names. */
  public static final String DNS_NAME = "localhost";

  /** IP address in the server certificates' subject alternative names. */
  public static final String IP_ADDRESS = "127.0.0.1";

  private static final Duration VALIDITY = Duration.ofDays(2);
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final Issued ca;
  private final Issued server;
  private final Issued client;
  private final Issued otherCa;
  private final Issued serverSignedByOtherCa;

  private TestCertificates(
      Issued ca, Issued server, Issued client, Issued otherCa, Issued serverSignedByOtherCa) {
    this.ca = ca;
    this.server = server;
    this.client = client;
    this.otherCa = otherCa;
    this.serverSignedByOtherCa = serverSignedByOtherCa;
  }

  /**
   * A certificate with its private key, as objects, PEM text and files.
   *
   * @param certificate the certificate
   * @param privateKey its private key
   * @param certificatePem the certificate in PEM
   * @param privateKeyPem the private key in PKCS#8 PEM
   * @param certificateFile file holding {@code certificatePem}
   * @param privateKeyFile file holding {@code privateKeyPem}
   */
  public record Issued(
      X509Certificate certificate,
      PrivateKey privateKey,
      String certificatePem,
      String privateKeyPem,
      Path certificateFile,
      Path privateKeyFile) {

    @Override
    public String toString() {
      return "Issued[subject="
          + certificate.getSubjectX500Principal().getName()
          + ", certificateFile="
          + certificateFile
          + "]";
    }
  }

  /**
   * Creates the CAs and certificates and writes them as {@code <name>.crt} and {@code <name>.key}
   * PEM files to {@code directory} (ca, server, client, other-ca, other-server).
   */
  public static TestCertificates create(Path directory) {
    try {
      Files.createDirectories(directory);
      Issued ca = selfSignedCa(directory, "ca", "Integration Operator Test CA");
      Issued otherCa = selfSignedCa(directory, "other-ca", "Unrelated Test CA");
      return new TestCertificates(
          ca,
          server(directory, "server", ca),
          client(directory, "client", ca),
          otherCa,
          server(directory, "other-server", otherCa));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not create test certificates", e);
    }
  }

  /** Returns the PEM text of the CA that signs {@link #server()} and {@link #client()}. */
  public String caPem() {
    return ca.certificatePem();
  }

  /** Returns the PEM text of the unrelated CA that signs {@link #serverSignedByOtherCa()}. */
  public String otherCaPem() {
    return otherCa.certificatePem();
  }

  /** Returns the CA that signs {@link #server()} and {@link #client()}. */
  public Issued ca() {
    return ca;
  }

  /** Returns the server certificate for 127.0.0.1 and localhost, signed by {@link #ca()}. */
  public Issued server() {
    return server;
  }

  /** Returns a client certificate (subject CN=test-client), signed by {@link #ca()}. */
  public Issued client() {
    return client;
  }

  /** Returns the second CA, which has no relation to {@link #ca()}. */
  public Issued otherCa() {
    return otherCa;
  }

  /** Returns a server certificate for 127.0.0.1 and localhost, signed by {@link #otherCa()}. */
  public Issued serverSignedByOtherCa() {
    return serverSignedByOtherCa;
  }

  private static Issued selfSignedCa(Path directory, String fileName, String commonName)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair keyPair = newKeyPair();
    X500Name subject = new X500Name("CN=" + commonName);
    X509v3CertificateBuilder builder =
        newBuilder(subject, subject, keyPair, keyPair.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
            .addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return sign(directory, fileName, builder, keyPair, keyPair.getPrivate());
  }

  private static Issued server(Path directory, String fileName, Issued issuer)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair keyPair = newKeyPair();
    GeneralNames names =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, DNS_NAME),
              new GeneralName(GeneralName.iPAddress, IP_ADDRESS)
            });
    X509v3CertificateBuilder builder =
        newBuilder(issuerName(issuer), new X500Name("CN=" + DNS_NAME), keyPair, publicKey(issuer))
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(Extension.subjectAlternativeName, false, names)
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    return sign(directory, fileName, builder, keyPair, issuer.privateKey());
  }

  private static Issued client(Path directory, String fileName, Issued issuer)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair keyPair = newKeyPair();
    X509v3CertificateBuilder builder =
        newBuilder(issuerName(issuer), new X500Name("CN=test-client"), keyPair, publicKey(issuer))
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    return sign(directory, fileName, builder, keyPair, issuer.privateKey());
  }

  private static PublicKey publicKey(Issued issuer) {
    return issuer.certificate().getPublicKey();
  }

  private static X500Name issuerName(Issued issuer) {
    return X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
  }

  /** Starts a certificate with validity, serial number and key identifier extensions. */
  private static X509v3CertificateBuilder newBuilder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys, PublicKey issuerKey)
      throws GeneralSecurityException, CertIOException {
    // Backdated by an hour so that small clock differences do not make it "not yet valid".
    Instant notBefore = Instant.now().minus(Duration.ofHours(1));
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    return new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(notBefore),
            Date.from(notBefore.plus(VALIDITY)),
            subject,
            subjectKeys.getPublic())
        .addExtension(
            Extension.subjectKeyIdentifier,
            false,
            extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()))
        .addExtension(
            Extension.authorityKeyIdentifier,
            false,
            extensions.createAuthorityKeyIdentifier(issuerKey));
  }

  private static Issued sign(
      Path directory,
      String fileName,
      X509v3CertificateBuilder builder,
      KeyPair subjectKeys,
      PrivateKey issuerKey)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    String certificatePem = toPem(certificate);
    String privateKeyPem = toPem(new JcaPKCS8Generator(subjectKeys.getPrivate(), null));
    Path certificateFile = directory.resolve(fileName + ".crt");
    Path privateKeyFile = directory.resolve(fileName + ".key");
    Files.writeString(certificateFile, certificatePem, StandardCharsets.US_ASCII);
    Files.writeString(privateKeyFile, privateKeyPem, StandardCharsets.US_ASCII);
    return new Issued(
        certificate,
        subjectKeys.getPrivate(),
        certificatePem,
        privateKeyPem,
        certificateFile,
        privateKeyFile);
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  /**
   * Encodes a certificate, or a private key as PKCS#8 "PRIVATE KEY", which nginx and the JDK read.
   */
  private static String toPem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }
}
