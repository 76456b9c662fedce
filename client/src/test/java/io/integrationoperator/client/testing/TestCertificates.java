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
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptor;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Test PKI made with BouncyCastle: a CA, a server certificate it signs for 127.0.0.1 and localhost,
 * client certificates it signs (EC and RSA), an intermediate CA it signs with a client certificate
 * below it, and a second, unrelated CA that signs another server certificate for the same names and
 * a client certificate. Keys are EC P-256 unless a name says RSA (2048 bits). The PEM files are
 * written to the directory given to {@link #create(Path)}.
 *
 * <p>A client that trusts {@link #caPem()} accepts {@link #server()}, and rejects {@link
 * #serverSignedByOtherCa()} unless verification is off. A server that trusts {@link #ca()} for
 * client certificates accepts {@link #client()}, {@link #rsaClient()} and {@link
 * #clientOfIntermediate()} sent with {@link #intermediateCa()}, and rejects {@link
 * #clientSignedByOtherCa()}.
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
  private final Issued rsaClient;
  private final Issued intermediateCa;
  private final Issued clientOfIntermediate;
  private final Issued clientSignedByOtherCa;
  private final Issued serverWithoutIpAddress;

  private TestCertificates(Issued ca, Issued otherCa, Issued intermediateCa, Path directory)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    this.ca = ca;
    this.otherCa = otherCa;
    this.intermediateCa = intermediateCa;
    this.server = server(directory, "server", ca, true);
    this.client = client(directory, "client", ca, "test-client", newKeyPair());
    this.serverSignedByOtherCa = server(directory, "other-server", otherCa, true);
    this.rsaClient = client(directory, "rsa-client", ca, "test-rsa-client", newRsaKeyPair());
    this.clientOfIntermediate =
        client(directory, "intermediate-client", intermediateCa, "test-leaf", newKeyPair());
    this.clientSignedByOtherCa =
        client(directory, "other-client", otherCa, "test-other-client", newKeyPair());
    this.serverWithoutIpAddress = server(directory, "dns-only-server", ca, false);
  }

  /** Encodings of a private key in PEM. */
  public enum KeyFormat {
    /** PKCS#8, {@code BEGIN PRIVATE KEY}; any key type. */
    PKCS8,
    /** PKCS#1, {@code BEGIN RSA PRIVATE KEY}; RSA keys only. */
    PKCS1_RSA,
    /** SEC1, {@code BEGIN EC PRIVATE KEY}; EC keys only. */
    SEC1_EC,
    /** SEC1 preceded by the curve in an {@code EC PARAMETERS} block, as openssl ecparam writes. */
    SEC1_EC_WITH_PARAMETERS
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
   * PEM files to {@code directory} (ca, server, client, other-ca, other-server, rsa-client,
   * intermediate-ca, intermediate-client, other-client, dns-only-server).
   */
  public static TestCertificates create(Path directory) {
    try {
      Files.createDirectories(directory);
      Issued ca = selfSignedCa(directory, "ca", "Integration Operator Test CA");
      Issued otherCa = selfSignedCa(directory, "other-ca", "Unrelated Test CA");
      Issued intermediateCa = intermediateCa(directory, "intermediate-ca", ca);
      return new TestCertificates(ca, otherCa, intermediateCa, directory);
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

  /**
   * Returns a client certificate (subject CN=test-rsa-client) with an RSA key, signed by {@link
   * #ca()}.
   */
  public Issued rsaClient() {
    return rsaClient;
  }

  /**
   * Returns the intermediate CA (CN=Integration Operator Test Intermediate CA) below {@link #ca()}.
   */
  public Issued intermediateCa() {
    return intermediateCa;
  }

  /**
   * Returns a client certificate (subject CN=test-leaf) signed by {@link #intermediateCa()}. Its
   * {@code certificatePem} holds the client certificate followed by the intermediate CA, as tls.crt
   * of a kubernetes.io/tls Secret does.
   */
  public Issued clientOfIntermediate() {
    return clientOfIntermediate;
  }

  /** Returns a client certificate (subject CN=test-other-client) signed by {@link #otherCa()}. */
  public Issued clientSignedByOtherCa() {
    return clientSignedByOtherCa;
  }

  /**
   * Returns a server certificate for localhost only, without an IP address, signed by {@link
   * #ca()}.
   */
  public Issued serverWithoutIpAddress() {
    return serverWithoutIpAddress;
  }

  /** Encodes the private key of {@code issued} in the format, as the credential tls.key would. */
  public static String keyPem(Issued issued, KeyFormat format) {
    PrivateKey key = issued.privateKey();
    try {
      switch (format) {
        case PKCS8:
          return toPem(new JcaPKCS8Generator(key, null));
        case PKCS1_RSA:
          requireAlgorithm(key, "RSA", format);
          return toPem(key);
        case SEC1_EC:
          return toPem(sec1(issued));
        case SEC1_EC_WITH_PARAMETERS:
          // The curve of every EC key here is P-256 (prime256v1).
          return toPem(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()))
              + toPem(sec1(issued));
        default:
          throw new IllegalArgumentException("unknown key format " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Encodes an EC key as SEC1 with its curve and public key, as openssl writes it. BouncyCastle's
   * PEM writer would leave out the curve of a key made by the JDK.
   */
  private static PemObject sec1(Issued issued) throws IOException {
    requireAlgorithm(issued.privateKey(), "EC", KeyFormat.SEC1_EC);
    SubjectPublicKeyInfo publicKey =
        SubjectPublicKeyInfo.getInstance(issued.certificate().getPublicKey().getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            256,
            ((ECPrivateKey) issued.privateKey()).getS(),
            publicKey.getPublicKeyData(),
            SECObjectIdentifiers.secp256r1);
    return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
  }

  /** Encodes {@code key} as PKCS#8 encrypted with AES-256 and {@code password}. */
  public static String encryptedPkcs8Pem(PrivateKey key, String password) {
    try {
      OutputEncryptor encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
              .setProvider(new BouncyCastleProvider())
              .setPassword(password.toCharArray())
              .build();
      return toPem(new JcaPKCS8Generator(key, encryptor));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("could not encrypt the test key", e);
    }
  }

  /** Encodes {@code key} in the legacy openssl form with a Proc-Type: 4,ENCRYPTED header. */
  public static String encryptedLegacyPem(PrivateKey key, String password) {
    try {
      PEMEncryptor encryptor =
          new JcePEMEncryptorBuilder("AES-128-CBC")
              .setProvider(new BouncyCastleProvider())
              .build(password.toCharArray());
      return toPem(new JcaMiscPEMGenerator(key, encryptor));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireAlgorithm(PrivateKey key, String algorithm, KeyFormat format) {
    if (!algorithm.equals(key.getAlgorithm())) {
      throw new IllegalArgumentException(format + " needs an " + algorithm + " key");
    }
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

  private static Issued intermediateCa(Path directory, String fileName, Issued issuer)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair keyPair = newKeyPair();
    X500Name subject = new X500Name("CN=Integration Operator Test Intermediate CA");
    X509v3CertificateBuilder builder =
        newBuilder(issuerName(issuer), subject, keyPair, publicKey(issuer))
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
            .addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return sign(directory, fileName, builder, keyPair, issuer.privateKey());
  }

  private static Issued server(Path directory, String fileName, Issued issuer, boolean ipAddress)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair keyPair = newKeyPair();
    GeneralNames names =
        ipAddress
            ? new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, DNS_NAME),
                  new GeneralName(GeneralName.iPAddress, IP_ADDRESS)
                })
            : new GeneralNames(new GeneralName(GeneralName.dNSName, DNS_NAME));
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

  private static Issued client(
      Path directory, String fileName, Issued issuer, String commonName, KeyPair keyPair)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    X500Name subject = new X500Name("CN=" + commonName);
    X509v3CertificateBuilder builder =
        newBuilder(issuerName(issuer), subject, keyPair, publicKey(issuer))
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    Issued issued = sign(directory, fileName, builder, keyPair, issuer.privateKey());
    X509Certificate issuerCertificate = issuer.certificate();
    if (issuerCertificate
        .getSubjectX500Principal()
        .equals(issuerCertificate.getIssuerX500Principal())) {
      return issued;
    }
    // Below an intermediate CA, the chain file holds the client certificate, then the CA.
    String chainPem = issued.certificatePem() + issuer.certificatePem();
    Files.writeString(issued.certificateFile(), chainPem, StandardCharsets.US_ASCII);
    return new Issued(
        issued.certificate(),
        issued.privateKey(),
        chainPem,
        issued.privateKeyPem(),
        issued.certificateFile(),
        issued.privateKeyFile());
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

  private static KeyPair newRsaKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, new SecureRandom());
    return generator.generateKeyPair();
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
