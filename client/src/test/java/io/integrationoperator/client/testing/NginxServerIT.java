package io.integrationoperator.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the fixtures themselves: nginx starts with the test certificates and logs requests. */
@Tag("real-server")
class NginxServerIT {

  @TempDir static Path certificateDirectory;

  private static NginxServer nginx;
  private static OkHttpClient client;

  @BeforeAll
  static void startNginx() throws GeneralSecurityException, IOException {
    TestCertificates certificates = TestCertificates.create(certificateDirectory);
    nginx = NginxServer.builder().tls(certificates.server()).basicAuth("alice", "pässwörd").start();
    client = clientTrusting(certificates.ca());
  }

  @AfterAll
  static void stopNginx() {
    if (nginx != null) {
      nginx.close();
    }
  }

  @Test
  void servesPetJsonToAuthenticatedUser() throws IOException {
    String authorization = Credentials.basic("alice", "pässwörd", StandardCharsets.UTF_8);
    Request request =
        new Request.Builder()
            .url(nginx.apiUrl() + "/pet/1?x=1")
            .header("Authorization", authorization)
            .header("api_key", "key-1")
            .header("Cookie", "session=abc")
            .build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThat(response.body().string()).isEqualTo(NginxServer.PET_JSON);
    }

    AccessLogEntry entry = nginx.lastRequest();
    assertThat(entry.method()).isEqualTo("GET");
    assertThat(entry.uri()).isEqualTo("/api/v3/pet/1?x=1");
    assertThat(entry.status()).isEqualTo(200);
    assertThat(entry.authorization()).isEqualTo(authorization);
    assertThat(entry.remoteUser()).isEqualTo("alice");
    assertThat(entry.apiKey()).isEqualTo("key-1");
    assertThat(entry.cookie()).isEqualTo("session=abc");
    assertThat(entry.protocol()).isEqualTo("HTTP/2.0");
  }

  @Test
  void rejectsWrongPassword() throws IOException {
    Request request =
        new Request.Builder()
            .url(nginx.apiUrl() + "/health")
            .header("Authorization", Credentials.basic("alice", "wrong"))
            .build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
  }

  @Test
  void returnsJson404ForUnknownPath() throws IOException {
    Request request =
        new Request.Builder()
            .url(nginx.apiUrl() + "/unknown")
            .header("Authorization", Credentials.basic("alice", "pässwörd", StandardCharsets.UTF_8))
            .build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(404);
      assertThat(response.body().string()).isEqualTo(NginxServer.NOT_FOUND_JSON);
    }
  }

  @Test
  void servesPublicHealthWithoutAuthentication() throws IOException {
    Request request = new Request.Builder().url(nginx.baseUrl() + "/public/health").build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo(NginxServer.HEALTH_JSON);
    }
  }

  @Test
  void stopClosesThePort() {
    NginxServer second = NginxServer.builder().start();
    try {
      second.stop();

      assertThat(second.isRunning()).isFalse();
      assertThat(canConnect(second.port())).isFalse();
    } finally {
      second.close();
    }
  }

  private static boolean canConnect(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static OkHttpClient clientTrusting(TestCertificates.Issued ca)
      throws GeneralSecurityException, IOException {
    KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
    trustStore.load(null, null);
    trustStore.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trustStore);
    X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustManager}, null);
    return new OkHttpClient.Builder()
        .sslSocketFactory(context.getSocketFactory(), trustManager)
        .build();
  }
}
