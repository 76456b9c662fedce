package io.integrationoperator.client.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.ClientAuthenticationMethod;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.authentication.OpenIdConnectAuthentication;
import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.authentication.ParameterUsage;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.client.token.TokenRequestException;
import io.integrationoperator.client.token.TokenStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Token requests and odd token responses, against MockWebServer. */
class OAuth2TokenSourceTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String CLIENT_ID = "my client:%\u00e9";
  private static final String CLIENT_SECRET = "p@ss:w%rd \u00fc&=+";

  private final MockWebServer server = new MockWebServer();
  private final HttpClientFactory clients = new HttpClientFactory();
  private final TokenStore store = TokenStore.inMemory();
  private String tokenUrl;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    tokenUrl = "http://127.0.0.1:" + server.getPort() + "/oauth/token";
    OidcDiscovery.clearCache();
  }

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  static Stream<Arguments> oddSuccessResponses() {
    return Stream.of(
        Arguments.of(
            "lower-case bearer",
            "application/json",
            "{\"access_token\":\"t1\",\"token_type\":\"bearer\",\"expires_in\":3600}",
            3600L),
        Arguments.of(
            "upper-case bearer",
            "application/json",
            "{\"access_token\":\"t1\",\"token_type\":\"BEARER\",\"expires_in\":3600}",
            3600L),
        Arguments.of(
            "no token_type",
            "application/json",
            "{\"access_token\":\"t1\",\"expires_in\":60}",
            60L),
        Arguments.of(
            "expires_in as string",
            "application/json",
            "{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}",
            3600L),
        Arguments.of(
            "expires_in missing",
            "application/json",
            "{\"access_token\":\"t1\",\"token_type\":\"Bearer\"}",
            null),
        Arguments.of(
            "expires_in not a number",
            "application/json",
            "{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\"}",
            null),
        Arguments.of(
            "JSON labelled text/plain",
            "text/plain",
            "{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":10}",
            10L),
        Arguments.of(
            "JSON without Content-Type",
            null,
            "{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":10}",
            10L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddSuccessResponses")
  void oddSuccessResponsesGiveToken(String name, String contentType, String body, Long expiresIn)
      throws Exception {
    enqueue(200, contentType, body);

    Token token = clientCredentials().request(Optional.empty());

    assertThat(token.value()).isEqualTo("t1");
    assertThat(token.type()).contains("Bearer");
    assertThat(token.obtainedAt()).isEqualTo(NOW);
    assertThat(token.expiresAt()).isEqualTo(Optional.ofNullable(expiresIn).map(NOW::plusSeconds));
  }

  static Stream<Arguments> errorResponses() {
    return Stream.of(
        Arguments.of(
            "JSON error",
            401,
            "application/json",
            "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}",
            " returned 401 invalid_client: Invalid client credentials"),
        Arguments.of(
            "JSON error labelled text/plain",
            400,
            "text/plain",
            "{\"error\":\"invalid_grant\"}",
            " returned 400 invalid_grant"),
        Arguments.of(
            "HTML error page",
            502,
            "text/html",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            " returned 502 Bad Gateway"),
        Arguments.of(
            "HTML labelled JSON",
            500,
            "application/json",
            "<html>oops</html>",
            " returned 500 Internal Server Error"),
        Arguments.of(
            "HTML with status 200",
            200,
            "text/html",
            "<html>login</html>",
            " returned 200 without a JSON token response (Content-Type text/html)"),
        Arguments.of(
            "error with status 200",
            200,
            "application/json",
            "{\"error\":\"access_denied\",\"error_description\":\"nope\"}",
            " returned 200 access_denied: nope"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorResponses")
  void errorResponsesGiveOneSentenceAndEnvelope(
      String name, int status, String contentType, String body, String expected) {
    enqueue(status, contentType, body);

    TokenRequestException failure =
        assertThrows(
            TokenRequestException.class, () -> clientCredentials().request(Optional.empty()));

    assertThat(failure.getMessage()).isEqualTo("the token endpoint " + tokenUrl + expected);
    ResponseEnvelope envelope = failure.envelope().orElseThrow();
    assertThat(envelope.getMethod()).isEqualTo("POST");
    assertThat(envelope.getUrl()).isEqualTo(tokenUrl);
    assertThat(envelope.getStatus()).isEqualTo(status);
    assertThat(envelope.getBody()).isNotNull();
  }

  @Test
  void unsupportedTokenTypeIsRejectedWithoutShowingToken() {
    enqueue(
        200,
        "application/json",
        "{\"access_token\":\"secret-token-value\",\"token_type\":\"mac\"}");

    TokenRequestException failure =
        assertThrows(
            TokenRequestException.class, () -> clientCredentials().request(Optional.empty()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "the token endpoint "
                + tokenUrl
                + " returned a token of type 'mac', but only Bearer tokens are supported");
    assertThat(failure.envelope().orElseThrow().getBody().path("access_token").asText())
        .isEqualTo(CredentialRedaction.MASK);
  }

  @Test
  void clientSecretBasicFormEncodesIdAndSecret() throws Exception {
    enqueueToken("t1", null);

    clientCredentials().request(Optional.empty());

    RecordedRequest request = take();
    String pair =
        URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8)
            + ":"
            + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8);
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.US_ASCII)));
    Map<String, String> form = form(request);
    assertThat(form).containsEntry("grant_type", "client_credentials");
    assertThat(form).doesNotContainKeys("client_id", "client_secret");
  }

  @Test
  void clientSecretPostSendsIdAndSecretInBody() throws Exception {
    ConnectionSettingsBuilder settings = oauth2(OAuth2GrantType.ClientCredentials);
    settings
        .authentication()
        .getOauth2()
        .setClientAuthentication(ClientAuthenticationMethod.ClientSecretPost);
    enqueueToken("t1", null);

    source(settings).request(Optional.empty());

    RecordedRequest request = take();
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(form(request))
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_secret", CLIENT_SECRET)
        .containsEntry("grant_type", "client_credentials");
  }

  @Test
  void scopesAndExtraParametersGoWhereDeclared() throws Exception {
    ConnectionSettingsBuilder settings = oauth2(OAuth2GrantType.ClientCredentials);
    settings.authentication().getOauth2().setScopes(List.of("read", "write"));
    settings.scheme(
        new SecuritySchemeInfo(
            "oauth",
            "oauth2",
            Map.of(
                "flows", "clientCredentials",
                "x-itential-parameters.audience.in", "body",
                "x-itential-parameters.audience.x-itential-use-in", "token",
                "x-itential-parameters.X-Tenant.in", "header",
                "x-itential-parameters.X-Tenant.x-itential-use-in", "token,refresh")));
    settings
        .authentication()
        .setParameters(
            List.of(
                parameter("audience", null, null, "https://api.example.test"),
                parameter("X-Tenant", null, null, null),
                parameter(
                    "region", ParameterLocation.Query, List.of(ParameterUsage.Refresh), "eu")));
    settings.credential(CredentialKeys.PARAMETER_PREFIX + "X-Tenant", "tenant-7");
    enqueueToken("t1", "r1");
    enqueueToken("t2", null);

    OAuth2TokenSource source = source(settings);
    Token first = source.request(Optional.empty());
    Token second = source.request(Optional.of(first));

    RecordedRequest token = take();
    assertThat(form(token))
        .containsEntry("scope", "read write")
        .containsEntry("audience", "https://api.example.test");
    assertThat(token.getHeaders().get("X-Tenant")).isEqualTo("tenant-7");
    assertThat(token.getUrl().queryParameter("region")).isNull();
    RecordedRequest refresh = take();
    assertThat(form(refresh))
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "r1")
        .doesNotContainKeys("audience", "scope");
    assertThat(refresh.getHeaders().get("X-Tenant")).isEqualTo("tenant-7");
    assertThat(refresh.getUrl().queryParameter("region")).isEqualTo("eu");
    assertThat(second.refreshToken())
        .as("refresh token kept from the first response")
        .contains("r1");
  }

  @Test
  void prePopulatedTokensAreUsedFirst() throws Exception {
    ConnectionSettingsBuilder settings =
        oauth2(OAuth2GrantType.ClientCredentials)
            .credential(CredentialKeys.ACCESS_TOKEN, "given-access")
            .credential(CredentialKeys.REFRESH_TOKEN, "given-refresh");
    enqueueToken("t2", "r2");

    OAuth2TokenSource source = source(settings);
    Token seeded = source.request(Optional.empty());
    Token refreshed = source.request(Optional.empty());

    assertThat(seeded.value()).isEqualTo("given-access");
    assertThat(seeded.expiresAt()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(form(take())).containsEntry("refresh_token", "given-refresh");
    assertThat(refreshed.value()).isEqualTo("t2");
  }

  @Test
  void failedRefreshFallsBackToNewGrant() throws Exception {
    enqueue(400, "application/json", "{\"error\":\"invalid_grant\"}");
    enqueueToken("t2", null);

    Token token =
        clientCredentials()
            .request(
                Optional.of(
                    new Token(
                        "t1", Optional.of("Bearer"), NOW, Optional.empty(), Optional.of("r1"))));

    assertThat(token.value()).isEqualTo("t2");
    assertThat(form(take())).containsEntry("grant_type", "refresh_token");
    assertThat(form(take())).containsEntry("grant_type", "client_credentials");
  }

  @Test
  void refreshServerErrorKeepsRefreshToken() throws Exception {
    enqueue(503, "text/html", "<html>maintenance</html>");
    enqueueToken("t2", null);
    OAuth2TokenSource source = clientCredentials();
    Token held = new Token("t1", Optional.of("Bearer"), NOW, Optional.empty(), Optional.of("r1"));

    TokenRequestException failure =
        assertThrows(TokenRequestException.class, () -> source.request(Optional.of(held)));
    Token token = source.request(Optional.empty());

    assertThat(failure.getMessage()).endsWith(" returned 503 Service Unavailable");
    assertThat(form(take())).containsEntry("grant_type", "refresh_token");
    assertThat(form(take()))
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "r1");
    assertThat(token.refreshToken()).contains("r1");
  }

  @Test
  void authorizationCodeIsSentOnce() throws Exception {
    String code = "code-" + System.nanoTime();
    ConnectionSettingsBuilder settings =
        authorizationCode().credential(CredentialKeys.AUTHORIZATION_CODE, code);
    enqueueToken("t1", null);

    Token token = source(settings).request(Optional.empty());
    TokenRequestException again =
        assertThrows(TokenRequestException.class, () -> source(settings).request(Optional.empty()));

    assertThat(token.value()).isEqualTo("t1");
    assertThat(form(take()))
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", code)
        .containsEntry("redirect_uri", "https://app.example.test/callback");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(again.getMessage())
        .contains("the authorization code in the Secret was already used")
        .doesNotContain(code);
  }

  @Test
  void codeRecordedInStoreIsNotSent() {
    String code = "code-" + System.nanoTime();
    store.markAuthorizationCodeUsed(UsedAuthorizationCodes.digest(CLIENT_ID, code));
    ConnectionSettingsBuilder settings =
        authorizationCode().credential(CredentialKeys.AUTHORIZATION_CODE, code);

    TokenRequestException failure =
        assertThrows(TokenRequestException.class, () -> source(settings).request(Optional.empty()));

    assertThat(failure.getMessage())
        .contains("the authorization code in the Secret was already used");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void sentCodeIsRecordedInStore() throws Exception {
    String code = "code-" + System.nanoTime();
    enqueueToken("t1", "r1");

    source(authorizationCode().credential(CredentialKeys.AUTHORIZATION_CODE, code))
        .request(Optional.empty());

    assertThat(store.isAuthorizationCodeUsed(UsedAuthorizationCodes.digest(CLIENT_ID, code)))
        .isTrue();
  }

  @Test
  void missingCodeNamesAuthorizationUrl() {
    TokenRequestException failure =
        assertThrows(
            TokenRequestException.class,
            () -> source(authorizationCode()).request(Optional.empty()));

    String url =
        AuthorizationRequests.authorizationUrl(authorizationCode().build(), clients).orElseThrow();
    HttpUrl parsed = HttpUrl.get(url);
    assertThat(parsed.encodedPath()).isEqualTo("/oauth/authorize");
    assertThat(parsed.queryParameter("response_type")).isEqualTo("code");
    assertThat(parsed.queryParameter("client_id")).isEqualTo(CLIENT_ID);
    assertThat(parsed.queryParameter("redirect_uri"))
        .isEqualTo("https://app.example.test/callback");
    assertThat(parsed.queryParameter("scope")).isEqualTo("read");
    assertThat(parsed.queryParameter("state")).hasSize(22);
    assertThat(failure.getMessage()).contains("open " + url + " as an administrator");
    assertThat(failure.getMessage()).doesNotContain(CLIENT_SECRET);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void unreachableEndpointsFailWithoutEnvelope() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    ConnectionSettingsBuilder token = oauth2(OAuth2GrantType.ClientCredentials);
    token.authentication().getOauth2().setTokenUrl("http://127.0.0.1:" + closedPort + "/token");
    String issuer = "http://127.0.0.1:" + closedPort + "/realms/x";

    TokenRequestException tokenFailure =
        assertThrows(TokenRequestException.class, () -> source(token).request(Optional.empty()));
    TokenRequestException discoveryFailure =
        assertThrows(
            TokenRequestException.class, () -> source(oidc(issuer)).request(Optional.empty()));

    assertThat(tokenFailure.getMessage())
        .startsWith(
            "the token endpoint http://127.0.0.1:" + closedPort + "/token could not be reached: ");
    assertThat(tokenFailure.envelope()).isEmpty();
    assertThat(discoveryFailure.getMessage())
        .startsWith(
            "the OpenID Connect discovery document "
                + issuer
                + "/.well-known/openid-configuration could not be read: ");
    assertThat(discoveryFailure.envelope()).isEmpty();
  }

  @Test
  void discoveryIssuerMismatchFailsWithEnvelope() {
    String issuer = "http://127.0.0.1:" + server.getPort() + "/realms/x";
    enqueue(200, "application/json", discovery("https://other.example.test/realms/x"));

    TokenRequestException failure =
        assertThrows(
            TokenRequestException.class, () -> source(oidc(issuer)).request(Optional.empty()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "the OpenID Connect discovery document "
                + issuer
                + "/.well-known/openid-configuration names the issuer"
                + " https://other.example.test/realms/x instead of "
                + issuer
                + "; set issuerUrl to the issuer the provider names");
    assertThat(failure.envelope().orElseThrow().getMethod()).isEqualTo("GET");
    assertThat(failure.envelope().orElseThrow().getStatus()).isEqualTo(200);
  }

  @Test
  void discoveryIsCachedAndSpecTokenUrlOverrides() throws Exception {
    String issuer = "http://127.0.0.1:" + server.getPort() + "/realms/x/";
    enqueue(200, "application/json", discovery(issuer.substring(0, issuer.length() - 1)));
    enqueueToken("t1", null);
    enqueueToken("t2", null);
    ConnectionSettingsBuilder overridden = oidc(issuer);
    overridden.authentication().getOpenIdConnect().setTokenUrl(tokenUrl + "-override");

    source(oidc(issuer)).request(Optional.empty());
    source(overridden).request(Optional.empty());

    assertThat(take().getTarget()).isEqualTo("/realms/x/.well-known/openid-configuration");
    RecordedRequest first = take();
    assertThat(first.getTarget()).isEqualTo("/realms/x/protocol/openid-connect/token");
    assertThat(form(first)).containsEntry("scope", "openid");
    assertThat(take().getTarget()).isEqualTo("/oauth/token-override");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void missingCredentialsAndUrlsAreNamed() {
    ConnectionSettingsBuilder noSecret =
        oauth2(OAuth2GrantType.ClientCredentials).credential(CredentialKeys.CLIENT_SECRET, "");
    ConnectionSettingsBuilder noTokenUrl = oauth2(OAuth2GrantType.ClientCredentials);
    noTokenUrl.authentication().getOauth2().setTokenUrl(null);
    ConnectionSettingsBuilder noRedirect = authorizationCode();
    noRedirect.authentication().getOauth2().setRedirectUri(null);

    assertThat(assertThrows(InvalidSettingsException.class, () -> source(noSecret)).getMessage())
        .isEqualTo("the credential 'clientSecret' for oauth2 authentication is missing or empty");
    assertThat(assertThrows(InvalidSettingsException.class, () -> source(noTokenUrl)).getMessage())
        .startsWith("oauth2 authentication needs a token URL");
    assertThat(assertThrows(InvalidSettingsException.class, () -> source(noRedirect)).getMessage())
        .contains("set spec.authentication.oauth2.redirectUri");
  }

  @Test
  void relativeModelTokenUrlResolvesAgainstServer() throws Exception {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl("http://127.0.0.1:" + server.getPort() + "/api/v3")
            .credential(CredentialKeys.CLIENT_ID, CLIENT_ID)
            .credential(CredentialKeys.CLIENT_SECRET, CLIENT_SECRET)
            .scheme(
                new SecuritySchemeInfo(
                    "oauth",
                    "oauth2",
                    Map.of(
                        "flows",
                        "clientCredentials",
                        "clientCredentials.tokenUrl",
                        "/oauth/token")));
    settings.authentication().setOauth2(new OAuth2Authentication());
    enqueueToken("t1", null);

    source(settings).request(Optional.empty());

    assertThat(take().getTarget()).isEqualTo("/oauth/token");
  }

  @Test
  void toStringsLeaveOutCredentials() throws Exception {
    OAuth2Settings settings =
        OAuth2Settings.from(
            oauth2(OAuth2GrantType.ClientCredentials)
                .credential(CredentialKeys.PARAMETER_PREFIX + "x", "param-secret")
                .build());

    assertThat(settings.toString()).doesNotContain(CLIENT_SECRET);
    assertThat(clientCredentials().toString()).doesNotContain(CLIENT_SECRET);
  }

  private OAuth2TokenSource clientCredentials() throws InvalidSettingsException {
    return source(oauth2(OAuth2GrantType.ClientCredentials));
  }

  private OAuth2TokenSource source(ConnectionSettingsBuilder settings)
      throws InvalidSettingsException {
    var built = settings.build();
    return new OAuth2TokenSource(
        OAuth2Settings.from(built),
        TokenHttpClients.clientFor(built, clients),
        Clock.fixed(NOW, ZoneOffset.UTC),
        OAuth2TokenSource.secretRedaction(built),
        store);
  }

  private ConnectionSettingsBuilder oauth2(OAuth2GrantType grant) {
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl("http://127.0.0.1:1/api");
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setGrantType(grant);
    oauth2.setTokenUrl(tokenUrl);
    builder.authentication().setOauth2(oauth2);
    return builder
        .credential(CredentialKeys.CLIENT_ID, CLIENT_ID)
        .credential(CredentialKeys.CLIENT_SECRET, CLIENT_SECRET);
  }

  private ConnectionSettingsBuilder authorizationCode() {
    ConnectionSettingsBuilder builder = oauth2(OAuth2GrantType.AuthorizationCode);
    OAuth2Authentication oauth2 = builder.authentication().getOauth2();
    oauth2.setAuthorizationUrl("http://127.0.0.1:" + server.getPort() + "/oauth/authorize");
    oauth2.setRedirectUri("https://app.example.test/callback");
    oauth2.setScopes(List.of("read"));
    return builder;
  }

  private ConnectionSettingsBuilder oidc(String issuer) {
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl("http://127.0.0.1:1/api");
    OpenIdConnectAuthentication oidc = new OpenIdConnectAuthentication();
    oidc.setIssuerUrl(issuer);
    builder.authentication().setOpenIdConnect(oidc);
    return builder
        .credential(CredentialKeys.CLIENT_ID, CLIENT_ID)
        .credential(CredentialKeys.CLIENT_SECRET, CLIENT_SECRET);
  }

  private String discovery(String issuer) {
    String base = "http://127.0.0.1:" + server.getPort() + "/realms/x";
    return "{\"issuer\":\""
        + issuer
        + "\",\"authorization_endpoint\":\""
        + base
        + "/protocol/openid-connect/auth\",\"token_endpoint\":\""
        + base
        + "/protocol/openid-connect/token\",\"jwks_uri\":\""
        + base
        + "/certs\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
  }

  private static AuthenticationParameter parameter(
      String name, ParameterLocation in, List<ParameterUsage> usedIn, String value) {
    AuthenticationParameter parameter = new AuthenticationParameter();
    parameter.setName(name);
    parameter.setIn(in);
    parameter.setUsedIn(usedIn);
    parameter.setValue(value);
    return parameter;
  }

  private void enqueueToken(String access, String refresh) {
    String refreshMember = refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"";
    enqueue(
        200,
        "application/json",
        "{\"access_token\":\""
            + access
            + "\",\"token_type\":\"Bearer\",\"expires_in\":300"
            + refreshMember
            + "}");
  }

  private void enqueue(int status, String contentType, String body) {
    MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
    if (contentType != null) {
      response.addHeader("Content-Type", contentType);
    }
    server.enqueue(response.build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request received by the mock server").isNotNull();
    return request;
  }

  private static Map<String, String> form(RecordedRequest request) {
    HttpUrl parsed = HttpUrl.get("http://localhost/?" + request.getBody().utf8());
    Map<String, String> form = new LinkedHashMap<>();
    for (String name : parsed.queryParameterNames()) {
      form.put(name, parsed.queryParameter(name));
    }
    return form;
  }
}
