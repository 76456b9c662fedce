package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.AccessLogEntry;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes a real nginx over HTTPS: one server with a certificate from the test CA and Basic
 * authentication, and one whose certificate comes from an unrelated CA.
 */
@Tag("real-server")
class ProbeNginxIT {

  private static final String USERNAME = "alice";
  private static final String PASSWORD = "pässwörd-1";

  @TempDir static Path certificateDirectory;

  private static TestCertificates certificates;
  private static NginxServer trusted;
  private static NginxServer otherCa;

  private HttpClientFactory clients;

  @BeforeAll
  static void startServers() {
    certificates = TestCertificates.create(certificateDirectory);
    trusted =
        NginxServer.builder().tls(certificates.server()).basicAuth(USERNAME, PASSWORD).start();
    otherCa = NginxServer.builder().tls(certificates.serverSignedByOtherCa()).start();
  }

  @AfterAll
  static void stopServers() {
    if (trusted != null) {
      trusted.close();
    }
    if (otherCa != null) {
      otherCa.close();
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

  private ConnectionSettingsBuilder trustedApi() {
    return ConnectionSettingsBuilder.forBaseUrl(trusted.apiUrl()).caBundlePem(certificates.caPem());
  }

  /** Returns the request nginx logged after the first {@code before} entries. */
  private static AccessLogEntry requestAfter(NginxServer server, int before) {
    List<AccessLogEntry> entries = server.awaitAccessLog(before + 1);
    assertThat(entries).hasSize(before + 1);
    return entries.get(before);
  }

  @Test
  void rightPasswordSucceeds() {
    int logged = trusted.settledAccessLogSize();

    CallResult result = probe(trustedApi().basic(USERNAME, PASSWORD));

    assertThat(result.failure()).isEmpty();
    assertThat(result.succeeded()).isTrue();
    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getStatus()).isEqualTo(200);
    assertThat(envelope.getStatusText()).isEqualTo("OK");
    assertThat(envelope.getUrl()).isEqualTo(trusted.apiUrl());
    assertThat(envelope.getBody().get("name").asText()).isEqualTo("test API");
    AccessLogEntry received = requestAfter(trusted, logged);
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(received.authorization()).isEqualTo(expected);
    assertThat(received.remoteUser()).isEqualTo(USERNAME);
    assertThat(received.uri()).isEqualTo("/api/v3");
    assertThat(received.method()).isEqualTo("GET");
  }

  @Test
  void probePathReturnsJsonBody() {
    CallResult result = probe(trustedApi().basic(USERNAME, PASSWORD).probePath("/pet/1"));

    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getStatus()).isEqualTo(200);
    assertThat(envelope.getHeaders()).containsEntry("content-type", "application/json");
    assertThat(envelope.getBody().get("id").asInt()).isEqualTo(1);
    assertThat(envelope.getBody().get("name").asText()).isEqualTo("doggie");
  }

  @Test
  void wrongPasswordGives401Envelope() {
    CallResult result = probe(trustedApi().basic(USERNAME, "wrong-password"));

    assertThat(result.failure()).isEmpty();
    assertThat(result.error()).isEmpty();
    assertThat(result.succeeded()).isFalse();
    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getStatus()).isEqualTo(401);
    assertThat(envelope.getStatusText()).isEqualTo("Unauthorized");
    assertThat(envelope.getOk()).isFalse();
    assertThat(envelope.getHeaders()).containsKey("www-authenticate");
  }

  @Test
  void stoppedServerGivesConnectionFailed() {
    NginxServer stopped = NginxServer.builder().tls(certificates.server()).start();
    String url = stopped.apiUrl();
    int port = stopped.port();
    stopped.close();

    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(url)
                .caBundlePem(certificates.caPem())
                .basic(USERNAME, PASSWORD));

    assertThat(result.failure()).contains(CallFailure.ConnectionFailed);
    assertThat(result.error())
        .contains("could not connect to 127.0.0.1:" + port + ": connection refused");
    assertThat(result.envelope()).isEmpty();
  }

  @Test
  void otherCaCertificateGivesTlsHandshakeFailed() {
    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(otherCa.apiUrl())
                .caBundlePem(certificates.caPem())
                .verify(true));

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow())
        .startsWith("TLS handshake with 127.0.0.1:" + otherCa.port() + " failed")
        .contains("the server certificate is not trusted");
    assertThat(result.envelope()).isEmpty();
  }

  @Test
  void missingCaBundleGivesTlsHandshakeFailed() {
    CallResult result = probe(ConnectionSettingsBuilder.forBaseUrl(trusted.apiUrl()));

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow()).contains("the server certificate is not trusted");
  }

  @Test
  void verifyFalseAcceptsOtherCaCertificate() {
    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(otherCa.baseUrl())
                .probePath("/public/health")
                .verify(false));

    assertThat(result.failure()).isEmpty();
    assertThat(result.succeeded()).isTrue();
    assertThat(result.envelope().orElseThrow().getBody().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void serverNameMismatchGivesTlsHandshakeFailed() {
    CallResult result =
        probe(trustedApi().basic(USERNAME, PASSWORD).serverName("wrong.example.test"));

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow())
        .startsWith("TLS handshake with 127.0.0.1:" + trusted.port() + " failed")
        .contains("not valid for the host name wrong.example.test");
  }

  @Test
  void serverNameIsSentInSniAndVerified() {
    int logged = trusted.settledAccessLogSize();

    CallResult result = probe(trustedApi().basic(USERNAME, PASSWORD).serverName("localhost"));

    assertThat(result.succeeded()).isTrue();
    AccessLogEntry received = requestAfter(trusted, logged);
    assertThat(received.sslServerName()).isEqualTo("localhost");
    assertThat(received.host()).startsWith("127.0.0.1");
  }

  @Test
  void verifyFalseIgnoresServerNameMismatch() {
    int logged = otherCa.settledAccessLogSize();
    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(otherCa.baseUrl())
                .probePath("/public/health")
                .verify(false)
                .serverName("wrong.example.test"));

    assertThat(result.succeeded()).isTrue();
    // nginx writes the log line after the response, so wait for this request's own line.
    List<AccessLogEntry> entries = otherCa.awaitAccessLog(logged + 1);
    assertThat(entries.get(logged).sslServerName()).isEqualTo("wrong.example.test");
  }

  @Test
  void apiKeyHeaderQueryAndCookieReachServer() {
    String publicBase = trusted.baseUrl() + "/public";
    int logged = trusted.settledAccessLogSize();

    probe(
        ConnectionSettingsBuilder.forBaseUrl(publicBase)
            .caBundlePem(certificates.caPem())
            .probePath("/health")
            .apiKey("header", "api_key", "header-key-1"));
    CallResult query =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(publicBase)
                .caBundlePem(certificates.caPem())
                .probePath("/health")
                .apiKey("query", "key", "query-key-2"));
    probe(
        ConnectionSettingsBuilder.forBaseUrl(publicBase)
            .caBundlePem(certificates.caPem())
            .probePath("/health")
            .apiKey("cookie", "session", "cookie-key-3"));

    List<AccessLogEntry> entries = trusted.awaitAccessLog(logged + 3);
    assertThat(entries.get(logged).apiKey()).isEqualTo("header-key-1");
    assertThat(entries.get(logged + 1).uri()).isEqualTo("/public/health?key=query-key-2");
    assertThat(entries.get(logged + 2).cookie()).isEqualTo("session=cookie-key-3");
    assertThat(query.envelope().orElseThrow().getUrl()).isEqualTo(publicBase + "/health?key=****");
  }
}
