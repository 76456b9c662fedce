package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.AccessLogEntry;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.TestCertificates;
import io.integrationoperator.client.testing.TestCertificates.Issued;
import io.integrationoperator.client.testing.TestCertificates.KeyFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls a real nginx that requires a client certificate ({@code ssl_verify_client on}) chaining to
 * the test CA, which is the only CA in its {@code ssl_client_certificate}, with {@code
 * ssl_verify_depth 2}, so that up to two intermediate CAs may lie in between. The probe path {@code
 * /public/client-certificate} returns nginx's verdict on the certificate it received.
 */
@Tag("real-server")
class MutualTlsNginxIT {

  private static final String VERDICT_PATH = "/public/client-certificate";
  private static final String ROOT_CA = "CN=Integration Operator Test CA";

  @TempDir static Path certificateDirectory;

  private static TestCertificates certificates;
  private static NginxServer nginx;

  private HttpClientFactory clients;

  @BeforeAll
  static void startServer() {
    certificates = TestCertificates.create(certificateDirectory);
    nginx =
        NginxServer.builder()
            .tls(certificates.server())
            .requireClientCertificate(certificates.ca())
            .clientVerifyDepth(2)
            .start();
  }

  @AfterAll
  static void stopServer() {
    if (nginx != null) {
      nginx.close();
    }
  }

  @BeforeEach
  void createClients() {
    clients = new HttpClientFactory();
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }

  private CallResult probe(ConnectionSettingsBuilder settings) {
    return new IntegrationClient(settings.build(), clients).probe();
  }

  /** Settings that trust the server through tls.caBundle and probe the verdict path. */
  private static ConnectionSettingsBuilder verdictProbe() {
    return ConnectionSettingsBuilder.forBaseUrl(nginx.baseUrl())
        .caBundlePem(certificates.caPem())
        .probePath(VERDICT_PATH);
  }

  private static JsonNode verdict(CallResult result) {
    assertThat(result.failure()).as(result.error().orElse("no error")).isEmpty();
    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getStatus()).as("status of " + envelope.getBody()).isEqualTo(200);
    return envelope.getBody();
  }

  /** Returns the request nginx logged after the first {@code before} entries. */
  private static AccessLogEntry requestAfter(int before) {
    List<AccessLogEntry> entries = nginx.awaitAccessLog(before + 1);
    assertThat(entries).hasSize(before + 1);
    return entries.get(before);
  }

  static Stream<Arguments> keyFormats() {
    return Stream.of(
        Arguments.of("PKCS#8 RSA", certificates.rsaClient(), KeyFormat.PKCS8),
        Arguments.of("PKCS#1 RSA", certificates.rsaClient(), KeyFormat.PKCS1_RSA),
        Arguments.of("PKCS#8 EC", certificates.client(), KeyFormat.PKCS8),
        Arguments.of("SEC1 EC", certificates.client(), KeyFormat.SEC1_EC),
        Arguments.of(
            "SEC1 EC after EC PARAMETERS",
            certificates.client(),
            KeyFormat.SEC1_EC_WITH_PARAMETERS));
  }

  @ParameterizedTest(name = "{0} key is accepted")
  @MethodSource("keyFormats")
  void keyFormatIsAccepted(String name, Issued client, KeyFormat format) {
    int logged = nginx.settledAccessLogSize();
    String keyPem = TestCertificates.keyPem(client, format);

    JsonNode verdict = verdict(probe(verdictProbe().mutualTls(client.certificatePem(), keyPem)));

    String subject = client.certificate().getSubjectX500Principal().getName();
    assertThat(verdict.get("verify").asText()).isEqualTo("SUCCESS");
    assertThat(verdict.get("subject").asText()).isEqualTo(subject);
    assertThat(verdict.get("issuer").asText()).isEqualTo(ROOT_CA);
    AccessLogEntry received = requestAfter(logged);
    assertThat(received.sslClientVerify()).isEqualTo("SUCCESS");
    assertThat(received.sslClientSubject()).isEqualTo(subject);
  }

  @Test
  void chainWithIntermediateCaIsAccepted() {
    Issued leaf = certificates.clientOfIntermediate();

    JsonNode verdict =
        verdict(probe(verdictProbe().mutualTls(leaf.certificatePem(), leaf.privateKeyPem())));

    assertThat(verdict.get("verify").asText()).isEqualTo("SUCCESS");
    assertThat(verdict.get("subject").asText()).isEqualTo("CN=test-leaf");
    assertThat(verdict.get("issuer").asText())
        .isEqualTo("CN=Integration Operator Test Intermediate CA");
  }

  @Test
  void leafWithoutIntermediateIsRejected() {
    Issued leaf = certificates.clientOfIntermediate();
    String end = "-----END CERTIFICATE-----";
    String chain = leaf.certificatePem();
    String clientCertificate = chain.substring(0, chain.indexOf(end) + end.length()) + "\n";
    assertThat(chain).startsWith(clientCertificate).isNotEqualTo(clientCertificate);
    int logged = nginx.settledAccessLogSize();

    CallResult result = probe(verdictProbe().mutualTls(clientCertificate, leaf.privateKeyPem()));

    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getStatus()).isEqualTo(400);
    assertThat(envelope.getBody().asText()).contains("The SSL certificate error");
    assertThat(requestAfter(logged).sslClientVerify()).startsWith("FAILED");
  }

  @Test
  void verifyDepthZeroRejectsIntermediateCa() {
    Issued leaf = certificates.clientOfIntermediate();
    Issued direct = certificates.client();
    try (NginxServer depthZero =
        NginxServer.builder()
            .tls(certificates.server())
            .requireClientCertificate(certificates.ca())
            .clientVerifyDepth(0)
            .start()) {
      CallResult belowIntermediate =
          probe(
              ConnectionSettingsBuilder.forBaseUrl(depthZero.baseUrl())
                  .caBundlePem(certificates.caPem())
                  .probePath(VERDICT_PATH)
                  .mutualTls(leaf.certificatePem(), leaf.privateKeyPem()));
      CallResult issuedByRoot =
          probe(
              ConnectionSettingsBuilder.forBaseUrl(depthZero.baseUrl())
                  .caBundlePem(certificates.caPem())
                  .probePath(VERDICT_PATH)
                  .mutualTls(direct.certificatePem(), direct.privateKeyPem()));

      ResponseEnvelope rejected = belowIntermediate.envelope().orElseThrow();
      assertThat(rejected.getStatus()).isEqualTo(400);
      assertThat(rejected.getBody().asText()).contains("The SSL certificate error");
      ResponseEnvelope accepted = issuedByRoot.envelope().orElseThrow();
      assertThat(accepted.getStatus()).isEqualTo(200);
      assertThat(accepted.getBody().get("verify").asText()).isEqualTo("SUCCESS");
    }
  }

  @Test
  void missingClientCertificateGives400Envelope() {
    int logged = nginx.settledAccessLogSize();

    CallResult result = probe(verdictProbe());

    assertThat(result.failure()).isEmpty();
    assertThat(result.succeeded()).isFalse();
    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getStatus()).isEqualTo(400);
    assertThat(envelope.getStatusText()).isEqualTo("Bad Request");
    assertThat(envelope.getBody().asText()).contains("No required SSL certificate was sent");
    assertThat(requestAfter(logged).sslClientVerify()).isEqualTo("NONE");
  }

  @Test
  void certificateOfOtherCaGives400Envelope() {
    Issued other = certificates.clientSignedByOtherCa();
    int logged = nginx.settledAccessLogSize();

    CallResult result =
        probe(verdictProbe().mutualTls(other.certificatePem(), other.privateKeyPem()));

    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getStatus()).isEqualTo(400);
    assertThat(envelope.getBody().asText()).contains("The SSL certificate error");
    assertThat(requestAfter(logged).sslClientVerify()).startsWith("FAILED");
  }

  @Test
  void mismatchedKeyFailsBeforeConnecting() {
    int logged = nginx.settledAccessLogSize();
    String otherKey = certificates.clientSignedByOtherCa().privateKeyPem();

    CallResult result =
        probe(verdictProbe().mutualTls(certificates.client().certificatePem(), otherKey));

    assertThat(result.failure()).contains(CallFailure.InvalidRequest);
    assertThat(result.error().orElseThrow())
        .startsWith("tls.key does not match the client certificate in tls.crt")
        .doesNotContain(otherKey.substring(28, 60));
    assertThat(result.envelope()).isEmpty();
    assertThat(nginx.accessLog()).hasSize(logged);
  }

  @Test
  void mutualTlsCaTrustsServer() {
    Issued client = certificates.client();

    JsonNode verdict =
        verdict(
            probe(
                ConnectionSettingsBuilder.forBaseUrl(nginx.baseUrl())
                    .probePath(VERDICT_PATH)
                    .mutualTls(client.certificatePem(), client.privateKeyPem())
                    .mutualTlsCa(certificates.caPem())));

    assertThat(verdict.get("verify").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void untrustedServerFailsWithClientCertificate() {
    Issued client = certificates.client();

    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(nginx.baseUrl())
                .probePath(VERDICT_PATH)
                .mutualTls(client.certificatePem(), client.privateKeyPem()));

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow()).contains("the server certificate is not trusted");
  }

  @Test
  void verifyFalseStillPresentsClientCertificate() {
    Issued client = certificates.client();

    JsonNode verdict =
        verdict(
            probe(
                ConnectionSettingsBuilder.forBaseUrl(nginx.baseUrl())
                    .probePath(VERDICT_PATH)
                    .verify(false)
                    .mutualTls(client.certificatePem(), client.privateKeyPem())));

    assertThat(verdict.get("verify").asText()).isEqualTo("SUCCESS");
    assertThat(verdict.get("subject").asText()).isEqualTo("CN=test-client");
  }
}
