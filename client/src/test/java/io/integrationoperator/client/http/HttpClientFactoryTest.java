package io.integrationoperator.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.TestCertificates;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
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

  private static ProxySettings proxy(List<String> noProxy) {
    return new ProxySettings(
        ServerProtocol.http,
        "127.0.0.1",
        3128,
        Optional.of("user"),
        Optional.of("password"),
        noProxy,
        Optional.empty());
  }

  @Test
  void proxyIsPartOfCacheKey() throws InvalidSettingsException {
    OkHttpClient direct = factory.clientFor(ConnectionSettingsBuilder.forBaseUrl(BASE_URL).build());
    OkHttpClient proxied =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL).proxy(proxy(List.of())).build());
    OkHttpClient again =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL).proxy(proxy(List.of())).build());
    OkHttpClient otherNoProxy =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL).proxy(proxy(List.of("*"))).build());

    assertThat(proxied).isNotSameAs(direct);
    assertThat(again).isSameAs(proxied);
    assertThat(otherNoProxy).isNotSameAs(proxied);
    assertThat(proxied.connectionPool()).isSameAs(direct.connectionPool());
  }

  @Test
  void proxySelectorHonoursNoProxy() throws InvalidSettingsException {
    OkHttpClient client =
        factory.clientFor(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                .proxy(proxy(List.of(".internal.test")))
                .build());

    assertThat(client.proxySelector().select(URI.create("https://api.internal.test/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(client.proxySelector().select(URI.create("http://[::1]:8080/")))
        .containsExactly(
            new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1", 3128)));
  }

  @Test
  void invalidNoProxyIsRejected() {
    assertThatThrownBy(
            () ->
                factory.clientFor(
                    ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                        .proxy(proxy(List.of("10.0.0.0/40")))
                        .build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "noProxy entry '10.0.0.0/40' is invalid: the prefix length must be a number"
                + " from 0 to 32");
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
                + " blocks of Base64 text; a block with other characters is not read)");
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

    assertThat(PemCertificates.parse(bundle, "tls.caBundle"))
        .containsExactly(certificates.ca().certificate(), certificates.otherCa().certificate());
  }

  @Test
  void caBundleAddsToJvmTrustStore(@TempDir Path directory) throws InvalidSettingsException {
    TestCertificates certificates = TestCertificates.create(directory);

    var trustManager = TrustManagers.withExtraCas(certificates.caPem(), "tls.caBundle");

    List<X509Certificate> jvmIssuers = List.of(TrustManagers.jvmDefault().getAcceptedIssuers());
    assertThat(jvmIssuers).isNotEmpty().doesNotContain(certificates.ca().certificate());
    assertThat(trustManager.getAcceptedIssuers())
        .hasSize(jvmIssuers.size() + 1)
        .contains(certificates.ca().certificate())
        .containsAll(jvmIssuers);
  }

  /**
   * A public CA stays trusted with a caBundle: every CA of the JVM default trust store validates as
   * a server chain of its own, with and without the bundle, while a CA in neither is rejected.
   * Nothing outside 127.0.0.1 can be reached here, so the chains are checked directly.
   */
  @Test
  void caBundleKeepsPublicCasTrusted(@TempDir Path directory) throws Exception {
    TestCertificates certificates = TestCertificates.create(directory);
    X509TrustManager withBundle = TrustManagers.withExtraCas(certificates.caPem(), "tls.caBundle");

    for (X509Certificate publicCa : TrustManagers.jvmDefault().getAcceptedIssuers()) {
      X509Certificate[] chain = {publicCa};
      assertThatCode(() -> TrustManagers.jvmDefault().checkServerTrusted(chain, "UNKNOWN"))
          .as("JVM default trust of " + publicCa.getSubjectX500Principal())
          .doesNotThrowAnyException();
      assertThatCode(() -> withBundle.checkServerTrusted(chain, "UNKNOWN"))
          .as("caBundle trust of " + publicCa.getSubjectX500Principal())
          .doesNotThrowAnyException();
    }
    X509Certificate[] unrelated = {certificates.otherCa().certificate()};
    assertThatThrownBy(() -> withBundle.checkServerTrusted(unrelated, "UNKNOWN"))
        .isInstanceOf(CertificateException.class);
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
