package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.TestCertificates;
import io.integrationoperator.client.testing.TestCertificates.Issued;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls {@code openssl s_server -Verify 1 -verify_return_error} (Debian package openssl) on
 * 127.0.0.1, which, unlike nginx, ends the TLS handshake with an alert when the client certificate
 * is missing or not trusted. Its {@code -www} mode returns an HTTP 200 status page once the
 * handshake succeeds.
 */
@Tag("real-server")
class TlsAlertIT {

  private static final String OPENSSL = "/usr/bin/openssl";

  @TempDir static Path certificateDirectory;

  private static TestCertificates certificates;
  private static Process server;
  private static int port;

  private HttpClientFactory clients;

  @BeforeAll
  static void startServer() throws Exception {
    if (!Files.isExecutable(Path.of(OPENSSL))) {
      throw new IllegalStateException(
          OPENSSL + " is not installed; install it with apt-get install -y openssl");
    }
    certificates = TestCertificates.create(certificateDirectory);
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    server =
        new ProcessBuilder(
                OPENSSL,
                "s_server",
                "-accept",
                "127.0.0.1:" + port,
                "-cert",
                certificates.server().certificateFile().toString(),
                "-key",
                certificates.server().privateKeyFile().toString(),
                "-CAfile",
                certificates.ca().certificateFile().toString(),
                "-Verify",
                "1",
                // Without it, s_server logs an untrusted client certificate and goes on.
                "-verify_return_error",
                "-www",
                "-quiet")
            .redirectErrorStream(true)
            .redirectOutput(certificateDirectory.resolve("s_server.log").toFile())
            .start();
    awaitListening();
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static void awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline && server.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("openssl s_server did not listen on port " + port);
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

  private static ConnectionSettingsBuilder trustedServer() {
    return ConnectionSettingsBuilder.forBaseUrl("https://127.0.0.1:" + port)
        .caBundlePem(certificates.caPem());
  }

  @Test
  void clientCertificateCompletesHandshake() {
    Issued client = certificates.rsaClient();

    CallResult result =
        probe(trustedServer().mutualTls(client.certificatePem(), client.privateKeyPem()));

    assertThat(result.failure()).as(result.error().orElse("no error")).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
  }

  @Test
  void missingClientCertificateIsTlsHandshakeFailed() {
    CallResult result = probe(trustedServer());

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "TLS handshake with 127.0.0.1:"
                + port
                + " failed: received fatal alert: certificate_required");
  }

  @Test
  void untrustedClientCertificateIsTlsHandshakeFailed() {
    Issued other = certificates.clientSignedByOtherCa();

    CallResult result =
        probe(trustedServer().mutualTls(other.certificatePem(), other.privateKeyPem()));

    assertThat(result.failure()).contains(CallFailure.TlsHandshakeFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "TLS handshake with 127.0.0.1:" + port + " failed: received fatal alert: unknown_ca");
  }
}
