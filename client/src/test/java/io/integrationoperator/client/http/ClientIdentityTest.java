package io.integrationoperator.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.TestCertificates;
import io.integrationoperator.client.testing.TestCertificates.Issued;
import io.integrationoperator.client.testing.TestCertificates.KeyFormat;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientIdentityTest {

  private static final String BASE_URL = "https://127.0.0.1:8443/api";

  @TempDir static Path directory;

  private static TestCertificates certificates;

  private final HttpClientFactory factory = new HttpClientFactory();

  @BeforeAll
  static void createCertificates() {
    certificates = TestCertificates.create(directory);
  }

  @AfterEach
  void closeFactory() {
    factory.close();
  }

  private static ClientIdentity identity(String certificatePem, String keyPem) {
    return new ClientIdentity(certificatePem, keyPem);
  }

  /** Returns the base64 body of a PEM text, the part that would betray key material. */
  private static String pemBody(String pem) {
    return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "").substring(0, 40);
  }

  /** Returns the number that defines a private key, whatever encoding it was read from. */
  private static BigInteger secretValue(PrivateKey key) {
    return key instanceof ECPrivateKey ec ? ec.getS() : ((RSAPrivateKey) key).getPrivateExponent();
  }

  static Stream<Arguments> keyFormats() {
    return Stream.of(
        Arguments.of("PKCS#8 EC", certificates.client(), KeyFormat.PKCS8, "EC"),
        Arguments.of("SEC1 EC", certificates.client(), KeyFormat.SEC1_EC, "EC"),
        Arguments.of(
            "SEC1 EC after EC PARAMETERS",
            certificates.client(),
            KeyFormat.SEC1_EC_WITH_PARAMETERS,
            "EC"),
        Arguments.of("PKCS#8 RSA", certificates.rsaClient(), KeyFormat.PKCS8, "RSA"),
        Arguments.of("PKCS#1 RSA", certificates.rsaClient(), KeyFormat.PKCS1_RSA, "RSA"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyFormats")
  void keyFormatLoads(String name, Issued client, KeyFormat format, String algorithm)
      throws InvalidSettingsException {
    String keyPem = TestCertificates.keyPem(client, format);

    ClientKeyManager keyManager = identity(client.certificatePem(), keyPem).keyManager();

    String alias = keyManager.chooseClientAlias(new String[] {algorithm}, null, null);
    assertThat(alias).isNotNull();
    PrivateKey loaded = keyManager.getPrivateKey(alias);
    assertThat(loaded.getAlgorithm()).isEqualTo(algorithm);
    assertThat(secretValue(loaded)).isEqualTo(secretValue(client.privateKey()));
    assertThat(keyManager.getCertificateChain(alias)).containsExactly(client.certificate());
  }

  @Test
  void keyFormatsStartAsExpected() {
    assertThat(TestCertificates.keyPem(certificates.client(), KeyFormat.PKCS8))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(TestCertificates.keyPem(certificates.rsaClient(), KeyFormat.PKCS1_RSA))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(TestCertificates.keyPem(certificates.client(), KeyFormat.SEC1_EC))
        .startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(TestCertificates.keyPem(certificates.client(), KeyFormat.SEC1_EC_WITH_PARAMETERS))
        .startsWith("-----BEGIN EC PARAMETERS-----")
        .contains("-----BEGIN EC PRIVATE KEY-----");
  }

  @Test
  void chainKeepsIntermediateCa() throws InvalidSettingsException {
    Issued leaf = certificates.clientOfIntermediate();

    ClientKeyManager keyManager =
        identity(leaf.certificatePem(), leaf.privateKeyPem()).keyManager();

    assertThat(keyManager.getCertificateChain("client"))
        .containsExactly(leaf.certificate(), certificates.intermediateCa().certificate());
  }

  @Test
  void keyManagerIgnoresIssuersTheServerNames() throws InvalidSettingsException {
    Issued leaf = certificates.clientOfIntermediate();
    ClientKeyManager keyManager =
        identity(leaf.certificatePem(), leaf.privateKeyPem()).keyManager();
    Principal[] rootOnly = {new X500Principal("CN=Integration Operator Test CA")};

    assertThat(keyManager.chooseClientAlias(new String[] {"EC"}, rootOnly, null))
        .isEqualTo("client");
    assertThat(keyManager.chooseClientAlias(new String[] {"RSA"}, rootOnly, null)).isNull();
    assertThat(keyManager.chooseServerAlias("EC", null, null)).isNull();
  }

  @Test
  void mismatchedKeyIsRejectedWithoutKeyMaterial() {
    String otherKey = certificates.clientSignedByOtherCa().privateKeyPem();

    assertThatThrownBy(
            () -> identity(certificates.client().certificatePem(), otherKey).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "tls.key does not match the client certificate in tls.crt (subject CN=test-client, EC"
                + " public key, the key is EC); store the private key that belongs to this"
                + " certificate")
        .message()
        .doesNotContain(pemBody(otherKey));
  }

  @Test
  void keyOfOtherTypeIsRejected() {
    String rsaKey = certificates.rsaClient().privateKeyPem();

    assertThatThrownBy(() -> identity(certificates.client().certificatePem(), rsaKey).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("EC public key, the key is RSA");
  }

  @Test
  void intermediateBeforeClientCertificateIsRejected() {
    Issued leaf = certificates.clientOfIntermediate();
    String reversed = certificates.intermediateCa().certificatePem() + leaf.certificatePem();

    assertThatThrownBy(() -> identity(reversed, leaf.privateKeyPem()).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "tls.key belongs to certificate 2 of tls.crt, but the client certificate must come"
                + " first; put the client certificate before its intermediate CAs in tls.crt");
  }

  @Test
  void encryptedPkcs8KeyIsRejected() {
    String encrypted =
        TestCertificates.encryptedPkcs8Pem(certificates.client().privateKey(), "passphrase-1");

    assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThatThrownBy(
            () -> identity(certificates.client().certificatePem(), encrypted).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "tls.key contains an encrypted private key, which is not supported because the Secret"
                + " has no place for a passphrase; decrypt it with 'openssl pkey -in encrypted.key"
                + " -out tls.key' and store the result in the Secret");
  }

  @Test
  void legacyEncryptedKeyIsRejected() {
    String encrypted =
        TestCertificates.encryptedLegacyPem(certificates.rsaClient().privateKey(), "passphrase-2");

    assertThat(encrypted).contains("Proc-Type: 4,ENCRYPTED");
    assertThatThrownBy(
            () -> identity(certificates.rsaClient().certificatePem(), encrypted).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("tls.key contains an encrypted private key")
        .hasMessageContaining(PemPrivateKeys.DECRYPT_COMMAND);
  }

  @Test
  void textWithoutPemKeyIsRejected() {
    assertThatThrownBy(
            () -> identity(certificates.client().certificatePem(), "not a key").keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith(
            "tls.key contains no PEM private key (no -----BEGIN ... PRIVATE KEY----- block)");
  }

  @Test
  void corruptKeyBlockIsRejectedWithoutContent() {
    String corrupt =
        "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n"
            + "-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> identity(certificates.client().certificatePem(), corrupt).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("tls.key is not a valid PEM private key")
        .message()
        .doesNotContain("MIGHAgEAMBMGByqGSM49");
  }

  @Test
  void certificateInKeyIsRejected() {
    String certificate = certificates.client().certificatePem();

    assertThatThrownBy(() -> identity(certificate, certificate).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "tls.key contains a certificate where a private key is expected; put the certificate"
                + " in tls.crt and its private key in tls.key");
  }

  @Test
  void certificateWithoutPemIsRejected() {
    assertThatThrownBy(
            () -> identity("garbage", certificates.client().privateKeyPem()).keyManager())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "tls.crt contains no PEM certificate (expected -----BEGIN CERTIFICATE----- blocks of"
                + " Base64 text; a block with other characters is not read)");
  }

  @Test
  void missingKeyIsNamed() {
    ConnectionSettings settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
            .mutualTls(certificates.client().certificatePem(), "")
            .build();

    assertThatThrownBy(() -> factory.clientFor(settings))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the credential 'tls.key' for mutualTls authentication is missing or empty; the"
                + " Secret that mutualTls.secretRef names needs tls.crt and tls.key");
  }

  @Test
  void toStringHidesKey() throws InvalidSettingsException {
    Issued client = certificates.client();
    ClientIdentity identity = identity(client.certificatePem(), client.privateKeyPem());

    assertThat(identity.toString()).doesNotContain(pemBody(client.privateKeyPem()));
    assertThat(identity.keyManager().toString())
        .isEqualTo("ClientKeyManager[subject=CN=test-client, keyAlgorithm=EC, chainLength=1]");
  }

  @Test
  void clientCacheSeparatesIdentities() throws InvalidSettingsException {
    Issued client = certificates.client();
    Issued rsaClient = certificates.rsaClient();

    OkHttpClient first =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                .mutualTls(client.certificatePem(), client.privateKeyPem())
                .build());
    OkHttpClient again =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                .mutualTls(client.certificatePem(), client.privateKeyPem())
                .build());
    OkHttpClient other =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                .mutualTls(rsaClient.certificatePem(), rsaClient.privateKeyPem())
                .build());
    OkHttpClient none = factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).build());

    assertThat(again).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    assertThat(none).isNotSameAs(first);
    assertThat(first.sslSocketFactory()).isNotSameAs(none.sslSocketFactory());
  }

  @Test
  void invalidMutualTlsCaIsNamed() throws InvalidSettingsException {
    Issued client = certificates.client();
    ConnectionSettings settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
            .mutualTls(client.certificatePem(), client.privateKeyPem())
            .mutualTlsCa("not a certificate")
            .build();

    assertThatThrownBy(() -> factory.clientFor(settings))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "ca.crt of the mutualTls Secret contains no PEM certificate (expected -----BEGIN"
                + " CERTIFICATE----- blocks of Base64 text; a block with other characters is not"
                + " read)");
  }

  @Test
  void mutualTlsCaAddsToTrust() throws InvalidSettingsException {
    Issued client = certificates.client();
    OkHttpClient okHttp =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                .mutualTls(client.certificatePem(), client.privateKeyPem())
                .mutualTlsCa(certificates.caPem())
                .build());

    X509Certificate[] issuers = okHttp.x509TrustManager().getAcceptedIssuers();
    assertThat(issuers).contains(certificates.ca().certificate());
    assertThat(issuers).hasSizeGreaterThan(1);
  }
}
