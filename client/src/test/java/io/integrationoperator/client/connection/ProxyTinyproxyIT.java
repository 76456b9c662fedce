package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.http.ProxySettings;
import io.integrationoperator.client.testing.AccessLogEntry;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.StunnelServer;
import io.integrationoperator.client.testing.TestCertificates;
import io.integrationoperator.client.testing.TinyproxyServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls real nginx servers (plain http and https) through a real tinyproxy with Basic proxy
 * authentication, and through stunnel in front of that tinyproxy as an https proxy. nginx responds
 * to {@value #ECHO_PATH} with the proxy headers it received, so the tests see what reached the
 * server.
 */
@Tag("real-server")
class ProxyTinyproxyIT {

  private static final String USER = "proxy-user";
  private static final String PASSWORD = "proxy-pass-4711";
  private static final String ECHO_PATH = "/public/proxy-headers";
  private static final String TOKEN_PATH = "/oauth/token";
  private static final String ECHO_LOCATIONS =
      "    location = "
          + ECHO_PATH
          + " { default_type application/json;"
          + " return 200 '{\"proxyAuthorization\":\"$http_proxy_authorization\"}'; }\n"
          + "    location = "
          + TOKEN_PATH
          + " { default_type application/json;"
          + " return 200 '{\"access_token\":\"proxied-token\",\"token_type\":\"Bearer\","
          + "\"expires_in\":3600}'; }\n";
  private static final String NOTHING_RECEIVED = "{\"proxyAuthorization\":\"\"}";

  @TempDir static Path certificateDirectory;

  private static TestCertificates certificates;
  private static NginxServer http;
  private static NginxServer https;
  private static TinyproxyServer tinyproxy;
  private static StunnelServer httpsProxy;

  private HttpClientFactory clients;

  @BeforeAll
  static void startServers() {
    certificates = TestCertificates.create(certificateDirectory);
    http = NginxServer.builder().extraServerConfig(ECHO_LOCATIONS).start();
    https =
        NginxServer.builder().tls(certificates.server()).extraServerConfig(ECHO_LOCATIONS).start();
    tinyproxy =
        TinyproxyServer.builder().basicAuth(USER, PASSWORD).connectPorts(https.port()).start();
    httpsProxy = StunnelServer.start(certificates.server(), tinyproxy.port());
  }

  @AfterAll
  static void stopServers() {
    for (AutoCloseable server : new AutoCloseable[] {httpsProxy, tinyproxy, https, http}) {
      try {
        if (server != null) {
          server.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
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

  private static ProxySettings proxy(String password, List<String> noProxy) {
    return new ProxySettings(
        ServerProtocol.http,
        "127.0.0.1",
        tinyproxy.port(),
        Optional.of(USER),
        Optional.ofNullable(password),
        noProxy,
        Optional.empty());
  }

  private static ProxySettings proxy(String password) {
    return proxy(password, List.of());
  }

  private static ProxySettings httpsProxy(Optional<String> caBundle) {
    return new ProxySettings(
        ServerProtocol.https,
        "127.0.0.1",
        httpsProxy.port(),
        Optional.of(USER),
        Optional.of(PASSWORD),
        List.of(),
        caBundle);
  }

  private CallResult probe(NginxServer server, ProxySettings proxy) {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(server.baseUrl())
            .caBundlePem(certificates.caPem())
            .probePath(ECHO_PATH)
            .proxy(proxy);
    return new IntegrationClient(settings.build(), clients).probe();
  }

  /** Returns the request lines tinyproxy logged after the first {@code before}. */
  private static List<String> proxyRequestsAfter(int before) {
    List<String> lines = tinyproxy.requestLines();
    return lines.subList(before, lines.size());
  }

  @Test
  void httpTargetGoesThroughProxy() {
    int before = tinyproxy.requestLines().size();

    CallResult result = probe(http, proxy(PASSWORD));

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(proxyRequestsAfter(before))
        .containsExactly("GET " + http.baseUrl() + ECHO_PATH + " HTTP/1.1");
    // tinyproxy removes Proxy-Authorization before it forwards the request.
    assertThat(result.envelope().orElseThrow().getBody().toString()).isEqualTo(NOTHING_RECEIVED);
  }

  @Test
  void httpsTargetGoesThroughConnectTunnel() {
    int before = tinyproxy.requestLines().size();

    CallResult result = probe(https, proxy(PASSWORD));

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(proxyRequestsAfter(before))
        .containsExactly("CONNECT 127.0.0.1:" + https.port() + " HTTP/1.1");
    assertThat(result.envelope().orElseThrow().getBody().toString()).isEqualTo(NOTHING_RECEIVED);
  }

  /**
   * tinyproxy 1.11 responds to a wrong password with 401 Unauthorized instead of 407. For a
   * plain-http target that response cannot be told from the server's own 401, so it becomes the
   * envelope.
   */
  @Test
  void wrongPasswordForHttpTargetReturnsProxyAnswer() {
    int before = tinyproxy.requestLines().size();
    int served = http.settledAccessLogSize();

    CallResult result = probe(http, proxy("wrong-password"));

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(401);
    assertThat(result.envelope().orElseThrow().getHeaders().get("server"))
        .isEqualTo("tinyproxy/1.11.1");
    assertThat(proxyRequestsAfter(before))
        .containsExactly("GET " + http.baseUrl() + ECHO_PATH + " HTTP/1.1");
    assertThat(http.accessLog()).hasSize(served);
  }

  @Test
  void wrongPasswordFailsOnceForConnect() {
    int before = tinyproxy.requestLines().size();
    int served = https.settledAccessLogSize();

    CallResult result = probe(https, proxy("wrong-password"));

    assertThat(result.failure()).contains(CallFailure.ProxyAuthenticationFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "the proxy "
                + tinyproxy.url()
                + " rejected the proxy credentials (it responded to CONNECT with 401 Unauthorized);"
                + " check username and password in the proxy Secret");
    assertThat(proxyRequestsAfter(before))
        .containsExactly("CONNECT 127.0.0.1:" + https.port() + " HTTP/1.1");
    assertThat(https.accessLog()).hasSize(served);
  }

  @Test
  void missingCredentialsNameSecretRef() {
    ProxySettings anonymous =
        new ProxySettings(
            ServerProtocol.http,
            "127.0.0.1",
            tinyproxy.port(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty());

    CallResult result = probe(https, anonymous);

    assertThat(result.failure()).contains(CallFailure.ProxyAuthenticationFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "the proxy "
                + tinyproxy.url()
                + " requires authentication (407 Proxy Authentication Required), but no proxy"
                + " credentials are configured; set the proxy's secretRef to a Secret with"
                + " username and password");
  }

  @Test
  void noProxyHostBypassesProxy() {
    int before = tinyproxy.requestLines().size();
    int served = http.settledAccessLogSize();

    CallResult result = probe(http, proxy(PASSWORD, List.of("127.0.0.0/8")));

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
    AccessLogEntry received = http.awaitAccessLog(served + 1).get(served);
    assertThat(received.uri()).isEqualTo(ECHO_PATH);
    assertThat(proxyRequestsAfter(before)).isEmpty();
    // Proxy credentials never go to a server reached directly.
    assertThat(result.envelope().orElseThrow().getBody().toString()).isEqualTo(NOTHING_RECEIVED);
  }

  @Test
  void stoppedProxyIsUnreachable() {
    ProxySettings nowhere =
        new ProxySettings(
            ServerProtocol.http,
            "127.0.0.1",
            http.port() == 1 ? 2 : 1,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty());

    CallResult result = probe(http, nowhere);

    assertThat(result.failure()).contains(CallFailure.ProxyUnreachable);
    assertThat(result.error().orElseThrow())
        .startsWith("could not connect to the proxy " + nowhere.url() + ": ")
        .endsWith("; check the proxy URL and that the proxy is running");
  }

  @Test
  void connectToForbiddenPortIsConnectionFailure() {
    int before = tinyproxy.requestLines().size();

    // tinyproxy allows CONNECT only to the https server's port, and responds with 403 otherwise.
    CallResult result =
        new IntegrationClient(
                ConnectionSettingsBuilder.forBaseUrl("https://127.0.0.1:" + http.port())
                    .proxy(proxy(PASSWORD))
                    .build(),
                clients)
            .probe();

    assertThat(result.failure()).contains(CallFailure.ConnectionFailed);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "the proxy "
                + tinyproxy.url()
                + " could not open a tunnel to 127.0.0.1:"
                + http.port()
                + " (it responded to CONNECT with status 403); check that the proxy can reach the"
                + " server and allows CONNECT to its port");
    assertThat(proxyRequestsAfter(before))
        .containsExactly("CONNECT 127.0.0.1:" + http.port() + " HTTP/1.1");
  }

  @Test
  void httpsProxyCarriesHttpAndHttpsTargets() {
    int before = tinyproxy.requestLines().size();
    ProxySettings proxy = httpsProxy(Optional.of(certificates.caPem()));

    CallResult plain = probe(http, proxy);
    CallResult tunnelled = probe(https, proxy);

    assertThat(plain.failure()).isEmpty();
    assertThat(plain.envelope().orElseThrow().getBody().toString()).isEqualTo(NOTHING_RECEIVED);
    assertThat(tunnelled.failure()).isEmpty();
    assertThat(tunnelled.envelope().orElseThrow().getBody().toString()).isEqualTo(NOTHING_RECEIVED);
    assertThat(proxyRequestsAfter(before))
        .containsExactly(
            "GET " + http.baseUrl() + ECHO_PATH + " HTTP/1.1",
            "CONNECT 127.0.0.1:" + https.port() + " HTTP/1.1");
  }

  @Test
  void httpsProxyWithUntrustedCertificateIsUnreachable() {
    int before = tinyproxy.requestLines().size();

    CallResult result = probe(http, httpsProxy(Optional.empty()));

    assertThat(result.failure()).contains(CallFailure.ProxyUnreachable);
    assertThat(result.error().orElseThrow())
        .isEqualTo(
            "TLS handshake with the proxy https://127.0.0.1:"
                + httpsProxy.port()
                + " failed: the proxy certificate is not trusted (it is not signed by a CA in"
                + " the JVM trust store or the proxy caBundle)");
    assertThat(proxyRequestsAfter(before)).isEmpty();
  }

  @Test
  void tokenRequestGoesThroughProxy() {
    int before = tinyproxy.requestLines().size();
    int served = http.settledAccessLogSize();
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl(http.apiUrl()).proxy(proxy(PASSWORD));
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setGrantType(OAuth2GrantType.ClientCredentials);
    oauth2.setTokenUrl(http.baseUrl() + TOKEN_PATH);
    builder.authentication().setOauth2(oauth2);
    ConnectionSettings settings =
        builder
            .credential(CredentialKeys.CLIENT_ID, "proxied-client")
            .credential(CredentialKeys.CLIENT_SECRET, "proxied-client-secret")
            .build();

    CallResult result =
        new IntegrationClient(settings, clients)
            .send(new Request.Builder().url(http.apiUrl() + "/pet/1").build());

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(proxyRequestsAfter(before))
        .containsExactly(
            "POST " + http.baseUrl() + TOKEN_PATH + " HTTP/1.1",
            "GET " + http.apiUrl() + "/pet/1 HTTP/1.1");
    List<AccessLogEntry> received = http.awaitAccessLog(served + 2);
    assertThat(received.get(served + 1).authorization()).isEqualTo("Bearer proxied-token");
  }

  @Test
  void tokenRequestReportsProxyRejection() {
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl(https.apiUrl())
            .caBundlePem(certificates.caPem())
            .proxy(proxy("wrong-password"));
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setGrantType(OAuth2GrantType.ClientCredentials);
    oauth2.setTokenUrl(https.baseUrl() + TOKEN_PATH);
    builder.authentication().setOauth2(oauth2);
    ConnectionSettings settings =
        builder
            .credential(CredentialKeys.CLIENT_ID, "proxied-client")
            .credential(CredentialKeys.CLIENT_SECRET, "proxied-client-secret")
            .build();

    CallResult result =
        new IntegrationClient(settings, clients)
            .send(new Request.Builder().url(https.apiUrl() + "/pet/1").build());

    assertThat(result.failure()).contains(CallFailure.ProxyAuthenticationFailed);
    assertThat(result.error().orElseThrow()).contains(https.baseUrl() + TOKEN_PATH);
    assertThat(result.error().orElseThrow()).doesNotContain("wrong-password");
  }
}
