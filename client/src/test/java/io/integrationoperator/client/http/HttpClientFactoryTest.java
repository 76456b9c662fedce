package io.integrationoperator.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class HttpClientFactoryTest {

  private static final String BASE_URL = "https://127.0.0.1:8443/api";

  private final HttpClientFactory factory = new HttpClientFactory();

  @AfterEach
  void closeFactory() {
    factory.close();
  }

  @Test
  void sameSettingsReuseClient() throws InvalidSettingsException {
    OkHttpClient first = factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).build());
    OkHttpClient second =
        factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).bearer("t-1").build());

    assertThat(second).isSameAs(first);
  }

  @Test
  void clientsSharePoolAndDispatcher() throws InvalidSettingsException {
    OkHttpClient plain = factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).build());
    OkHttpClient insecure =
        factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).verify(false).build());

    assertThat(insecure).isNotSameAs(plain);
    assertThat(insecure.connectionPool()).isSameAs(plain.connectionPool());
    assertThat(insecure.dispatcher()).isSameAs(plain.dispatcher());
  }

  @Test
  void timeoutBoundsCallAndConnect() throws InvalidSettingsException {
    OkHttpClient shortTimeout =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL).timeout(Duration.ofSeconds(3)).build());
    OkHttpClient longTimeout =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL).timeout(Duration.ofMinutes(2)).build());

    assertThat(shortTimeout.callTimeoutMillis()).isEqualTo(3_000);
    assertThat(shortTimeout.connectTimeoutMillis()).isEqualTo(3_000);
    assertThat(shortTimeout.readTimeoutMillis()).isEqualTo(3_000);
    assertThat(longTimeout.callTimeoutMillis()).isEqualTo(120_000);
    assertThat(longTimeout.connectTimeoutMillis()).isEqualTo(10_000);
  }

  @Test
  void missingTimeoutUsesDefault() {
    assertThat(
            HttpClientFactory.callTimeout(
                ConnectionSettingsBuilder.forBaseUrl(BASE_URL).timeout(null).build()))
        .isEqualTo(HttpClientFactory.DEFAULT_TIMEOUT);
  }

  @Test
  void redirectsAreNotFollowed() throws InvalidSettingsException {
    OkHttpClient client = factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).build());

    assertThat(client.followRedirects()).isFalse();
    assertThat(client.followSslRedirects()).isFalse();
  }

  @Test
  void caBundleWithoutCertificateIsRejected() {
    assertThatThrownBy(
            () ->
                factory.clientFor(
                    ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                        .caBundlePem("not a certificate")
                        .build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "tls.caBundle contains no PEM certificate (expected -----BEGIN CERTIFICATE-----"
                + " blocks)");
  }

  @Test
  void corruptCaBundleCertificateIsRejected() {
    String corrupt = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

    assertThatThrownBy(
            () ->
                factory.clientFor(
                    ConnectionSettingsBuilder.forBaseUrl(BASE_URL).caBundlePem(corrupt).build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("tls.caBundle certificate 1 is invalid");
  }

  @Test
  void caBundleParsesEveryCertificate(@TempDir Path directory) throws InvalidSettingsException {
    TestCertificates certificates = TestCertificates.create(directory);
    String bundle =
        "# private CA\n" + certificates.caPem() + "\n# other CA\n" + certificates.otherCaPem();

    assertThat(PemCertificates.parse(bundle))
        .containsExactly(certificates.ca().certificate(), certificates.otherCa().certificate());
  }

  @Test
  void caBundleAddsToJvmTrustStore(@TempDir Path directory) throws InvalidSettingsException {
    TestCertificates certificates = TestCertificates.create(directory);

    var trustManager = TrustManagers.withExtraCas(certificates.caPem());

    assertThat(trustManager.getAcceptedIssuers())
        .contains(certificates.ca().certificate())
        .containsAll(java.util.List.of(TrustManagers.jvmDefault().getAcceptedIssuers()));
  }

  @Test
  void disabledVerificationWarnsOncePerClient() throws InvalidSettingsException {
    Logger logger = (Logger) LoggerFactory.getLogger(HttpClientFactory.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).verify(false).build());
      factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).verify(false).build());
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list).hasSize(1);
    assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(appender.list.get(0).getFormattedMessage())
        .contains("TLS verification is off for 127.0.0.1:8443");
  }
}
