package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.AccessLogEntry;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks server verification against real nginx servers with certificates from a private CA, which
 * the JVM does not trust: one certificate names 127.0.0.1 and localhost, the other only localhost.
 * Both are reached at https://127.0.0.1, an IP-literal host.
 */
@Tag("real-server")
class TlsNginxIT {

  @TempDir static Path certificateDirectory;

  private static TestCertificates certificates;
  private static NginxServer withIpAddress;
  private static NginxServer dnsOnly;

  private HttpClientFactory clients;

  @BeforeAll
  static void startServers() {
    certificates = TestCertificates.create(certificateDirectory);
    withIpAddress = NginxServer.builder().tls(certificates.server()).start();
    dnsOnly = NginxServer.builder().tls(certificates.serverWithoutIpAddress()).start();
  }

  @AfterAll
  static void stopServers() {
    if (withIpAddress != null) {
      withIpAddress.close();
    }
    if (dnsOnly != null) {
      dnsOnly.close();
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
    return new IntegrationClient(settings.probePath("/public/health").build(), clients).probe();
  }

  private static AccessLogEntry requestAfter(NginxServer server, int before) {
    List<AccessLogEntry> entries = server.awaitAccessLog(before + 1);
    assertThat(entries).hasSize(before + 1);
    return entries.get(before);
  }

  @Test
  void privateCaIsTrustedThroughCaBundle() {
    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(withIpAddress.baseUrl())
                .caBundlePem(certificates.caPem()));

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
  }

  @Test
  void privateCaWithoutCaBundleIsRejected() {
    CallResult result = probe(ConnectionSettingsBuilder.forBaseUrl(withIpAddress.baseUrl()));

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "TLS handshake with 127.0.0.1:"
                + withIpAddress.port()
                + " failed: the server certificate is not trusted (it is not signed by a CA in"
                + " the JVM trust store or tls.caBundle)");
  }

  @Test
  void ipLiteralHostMatchesIpAddressName() {
    int logged = withIpAddress.settledAccessLogSize();

    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(withIpAddress.baseUrl())
                .caBundlePem(certificates.caPem()));

    assertThat(result.succeeded()).isTrue();
    // SNI carries host names only, so a client that connects to an IP address sends none.
    assertThat(requestAfter(withIpAddress, logged).sslServerName()).isEmpty();
  }

  @Test
  void ipLiteralWithoutIpSanRejected() {
    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(dnsOnly.baseUrl())
                .caBundlePem(certificates.caPem()));

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "TLS handshake with 127.0.0.1:"
                + dnsOnly.port()
                + " failed: the server certificate is not valid for the host name 127.0.0.1");
  }

  @Test
  void serverNameReachesCertificateWithoutIpAddress() {
    int logged = dnsOnly.settledAccessLogSize();

    CallResult result =
        probe(
            ConnectionSettingsBuilder.forBaseUrl(dnsOnly.baseUrl())
                .caBundlePem(certificates.caPem())
                .serverName(TestCertificates.DNS_NAME));

    assertThat(result.failure()).isEmpty();
    assertThat(result.succeeded()).isTrue();
    AccessLogEntry received = requestAfter(dnsOnly, logged);
    assertThat(received.sslServerName()).isEqualTo("localhost");
    assertThat(received.host()).isEqualTo("127.0.0.1:" + dnsOnly.port());
  }
}
