package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.http.ProxySettings;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Uses a mock server as an HTTP proxy that responds to every request with 407, which tinyproxy does
 * only when no credentials are sent, to check that the client gives up after one 407 and that the
 * proxy password shows up nowhere: not in results, errors, toString or DEBUG logs.
 */
class ProxyAuthenticationTest {

  private static final String USER = "proxy-user";
  private static final String PASSWORD = "Pr0xy-secret!";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  private final MockWebServer proxyServer = new MockWebServer();
  private final HttpClientFactory clients = new HttpClientFactory();
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void start() throws IOException {
    proxyServer.start(InetAddress.getByName("127.0.0.1"), 0);
    for (int i = 0; i < 3; i++) {
      proxyServer.enqueue(
          new MockResponse.Builder()
              .code(407)
              .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
              .build());
    }
    previousLevel = root.getLevel();
    root.setLevel(Level.DEBUG);
    logs.setContext(context);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    root.setLevel(previousLevel);
    clients.close();
    proxyServer.close();
  }

  private ProxySettings proxy(Optional<String> user, Optional<String> password) {
    return new ProxySettings(
        ServerProtocol.http,
        "127.0.0.1",
        proxyServer.getPort(),
        user,
        password,
        List.of(),
        Optional.empty());
  }

  private CallResult probe(String baseUrl, ProxySettings proxy) {
    ConnectionSettings settings =
        ConnectionSettingsBuilder.forBaseUrl(baseUrl).proxy(proxy).probePath("/health").build();
    return new IntegrationClient(settings, clients).probe();
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = proxyServer.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request received by the proxy").isNotNull();
    return request;
  }

  @Test
  void rejectedCredentialsSentOnceForHttpTarget() throws InterruptedException {
    ProxySettings proxy = proxy(Optional.of(USER), Optional.of(PASSWORD));

    CallResult result = probe("http://127.0.0.1:1", proxy);

    assertThat(result.failure()).contains(CallFailure.ProxyAuthenticationFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "the proxy "
                + proxy.url()
                + " rejected the proxy credentials (407 Proxy Authentication Required); check"
                + " username and password in the proxy Secret");
    RecordedRequest request = takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("GET http://127.0.0.1:1/health HTTP/1.1");
    assertThat(request.getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
    assertThat(proxyServer.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rejectedCredentialsSentOnceForConnect() throws InterruptedException {
    CallResult result =
        probe("https://127.0.0.1:1", proxy(Optional.of(USER), Optional.of(PASSWORD)));

    assertThat(result.failure()).contains(CallFailure.ProxyAuthenticationFailed);
    RecordedRequest request = takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("CONNECT 127.0.0.1:1 HTTP/1.1");
    assertThat(request.getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
    assertThat(proxyServer.getRequestCount()).isEqualTo(1);
  }

  @Test
  void missingCredentialsFailAfterOneRequest() throws InterruptedException {
    ProxySettings proxy = proxy(Optional.empty(), Optional.empty());

    CallResult result = probe("http://127.0.0.1:1", proxy);

    assertThat(result.failure()).contains(CallFailure.ProxyAuthenticationFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "the proxy "
                + proxy.url()
                + " requires authentication (407 Proxy Authentication Required), but no proxy"
                + " credentials are configured; set the proxy's secretRef to a Secret with"
                + " username and password");
    assertThat(takeRequest().getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(proxyServer.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tokenRequestReportsUnreachableProxy() {
    ProxySettings stopped =
        new ProxySettings(
            ServerProtocol.http,
            "127.0.0.1",
            1,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty());
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl("http://127.0.0.1:1/api").proxy(stopped);
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setGrantType(OAuth2GrantType.ClientCredentials);
    oauth2.setTokenUrl("http://127.0.0.1:1/token");
    builder.authentication().setOauth2(oauth2);
    ConnectionSettings settings =
        builder
            .credential(CredentialKeys.CLIENT_ID, "client")
            .credential(CredentialKeys.CLIENT_SECRET, "client-secret")
            .build();

    CallResult result =
        new IntegrationClient(settings, clients)
            .send(new Request.Builder().url("http://127.0.0.1:1/api/pets").build());

    assertThat(result.failure()).contains(CallFailure.ProxyUnreachable);
    assertThat(result.error().orElseThrow())
        .contains("could not connect to the proxy http://127.0.0.1:1: connection refused");
  }

  @Test
  void passwordAppearsInNoOutput() {
    ProxySettings proxy = proxy(Optional.of(USER), Optional.of(PASSWORD));
    ConnectionSettings settings =
        ConnectionSettingsBuilder.forBaseUrl("http://127.0.0.1:1").proxy(proxy).build();

    CallResult plain = probe("http://127.0.0.1:1", proxy);
    CallResult tunnelled = probe("https://127.0.0.1:1", proxy);

    String encoded = BASIC.substring("Basic ".length());
    List<String> outputs =
        List.of(
            proxy.toString(),
            settings.toString(),
            plain.error().orElseThrow(),
            tunnelled.error().orElseThrow(),
            String.valueOf(plain),
            String.valueOf(tunnelled));
    assertThat(outputs).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD, encoded));
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list)
        .allSatisfy(
            event -> assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD, encoded));
  }
}
