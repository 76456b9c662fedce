package io.integrationoperator.client.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.integrationoperator.api.authentication.ClientAuthenticationMethod;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.authentication.OpenIdConnectAuthentication;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.KeycloakServer;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.client.token.TokenCache;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenRequestException;
import io.integrationoperator.client.token.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OAuth 2.0 and OpenID Connect token requests against a real Keycloak on 127.0.0.1. */
@Tag("real-server")
class OAuth2KeycloakIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

  private static KeycloakServer keycloak;
  private static HttpClientFactory clients;

  @BeforeAll
  static void startKeycloak() throws IOException, InterruptedException {
    keycloak = KeycloakServer.start();
    clients = new HttpClientFactory();
  }

  @AfterAll
  static void stopKeycloak() {
    if (clients != null) {
      clients.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @BeforeEach
  void forgetDiscovery() {
    OidcDiscovery.clearCache();
  }

  @ParameterizedTest
  @EnumSource(ClientAuthenticationMethod.class)
  void clientCredentialsTokenIsActive(ClientAuthenticationMethod method) throws Exception {
    Token token =
        source(oauth2(OAuth2GrantType.ClientCredentials, method, "cc-client", "cc-client-secret"))
            .request(Optional.empty());

    JsonNode introspection = introspect(token.value());
    assertThat(introspection.path("active").asBoolean()).isTrue();
    assertThat(introspection.path("azp").asText()).isEqualTo("cc-client");
    assertThat(token.type()).contains("Bearer");
    assertThat(token.lifetime()).contains(Duration.ofSeconds(300));
  }

  @ParameterizedTest
  @EnumSource(ClientAuthenticationMethod.class)
  void specialCharactersInClientIdAndSecret(ClientAuthenticationMethod method) throws Exception {
    Token token =
        source(
                oauth2(
                    OAuth2GrantType.ClientCredentials,
                    method,
                    KeycloakServer.SPECIAL_CLIENT_ID,
                    KeycloakServer.SPECIAL_CLIENT_SECRET))
            .request(Optional.empty());

    JsonNode introspection = introspect(token.value());
    assertThat(introspection.path("active").asBoolean()).isTrue();
    assertThat(introspection.path("azp").asText()).isEqualTo(KeycloakServer.SPECIAL_CLIENT_ID);
  }

  @Test
  void scopesAreRequested() throws Exception {
    ConnectionSettingsBuilder settings =
        oauth2(
            OAuth2GrantType.ClientCredentials,
            ClientAuthenticationMethod.ClientSecretBasic,
            "cc-client",
            "cc-client-secret");
    settings.authentication().getOauth2().setScopes(List.of("phone"));

    Token token = source(settings).request(Optional.empty());

    String scope = SignedJWT.parse(token.value()).getJWTClaimsSet().getStringClaim("scope");
    assertThat(scope.split(" ")).contains("phone");
  }

  @Test
  void passwordGrantTokenBelongsToUser() throws Exception {
    Token token = source(passwordSettings()).request(Optional.empty());

    JsonNode introspection = introspect(token.value());
    assertThat(introspection.path("active").asBoolean()).isTrue();
    assertThat(introspection.path("username").asText()).isEqualTo("alice");
    assertThat(introspection.path("azp").asText()).isEqualTo("password-client");
    assertThat(token.refreshToken()).isPresent();
  }

  @Test
  void dueTokenIsRefreshedWithRefreshGrant() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    OAuth2TokenSource source = OAuth2TokenSource.forSettings(passwordSettings().build(), clients);
    TokenCache cache = new TokenCache(source, TokenStore.inMemory(), clock, () -> 0.0);

    Token first = cache.get();
    clock.advance(Duration.ofSeconds(240));
    Token second = cache.get();

    assertThat(second.value()).isNotEqualTo(first.value());
    // A refresh keeps the user session of the first token, and a new password grant would open
    // another one, so equal session ids show that the refresh_token grant was used.
    assertThat(sessionId(second)).isEqualTo(sessionId(first));
    assertThat(introspect(second.value()).path("active").asBoolean()).isTrue();
  }

  @Test
  void prePopulatedRefreshTokenIsUsedFirst() throws Exception {
    Token original = source(passwordSettings()).request(Optional.empty());
    ConnectionSettingsBuilder settings =
        passwordSettings()
            .credential(CredentialKeys.PASSWORD, "wrong-password")
            .credential(CredentialKeys.REFRESH_TOKEN, original.refreshToken().orElseThrow());

    Token refreshed = source(settings).request(Optional.empty());

    assertThat(sessionId(refreshed)).isEqualTo(sessionId(original));
  }

  @Test
  void prePopulatedAccessTokenIsUsedUntilRejected() throws Exception {
    Token original = source(passwordSettings()).request(Optional.empty());
    ConnectionSettings settings =
        oidc(keycloak.issuer(), "cc-client", "cc-client-secret")
            .credential(CredentialKeys.ACCESS_TOKEN, original.value())
            .build();
    OAuth2TokenSource source = OAuth2TokenSource.forSettings(settings, clients);

    Token seeded = source.request(Optional.empty());
    Token fresh = source.request(Optional.empty());

    assertThat(seeded.value()).isEqualTo(original.value());
    assertThat(seeded.expiresAt()).isEmpty();
    assertThat(introspect(fresh.value()).path("azp").asText()).isEqualTo("cc-client");
  }

  @Test
  void authorizationCodeIsExchangedOnceAndRefreshed() throws Exception {
    ConnectionSettingsBuilder withoutCode = codeSettings();
    TokenRequestException missing =
        assertThrows(
            TokenRequestException.class, () -> source(withoutCode).request(Optional.empty()));
    Optional<String> link = AuthorizationRequests.authorizationUrl(withoutCode.build(), clients);
    assertThat(link).isPresent();
    assertThat(missing.getMessage()).contains(link.get());
    HttpUrl authorization = HttpUrl.get(link.get());
    assertThat(authorization.queryParameter("response_type")).isEqualTo("code");
    assertThat(authorization.queryParameter("client_id")).isEqualTo("code-client");
    assertThat(authorization.queryParameter("redirect_uri")).isEqualTo(KeycloakServer.REDIRECT_URI);
    assertThat(authorization.queryParameter("scope")).isEqualTo("openid");
    assertThat(authorization.queryParameter("state")).isNotBlank();

    String code = logInAndReadCode(link.get());
    ConnectionSettingsBuilder withCode =
        codeSettings().credential(CredentialKeys.AUTHORIZATION_CODE, code);
    OAuth2TokenSource source = source(withCode);
    Token first = source.request(Optional.empty());
    Token refreshed = source.request(Optional.of(first));

    assertThat(introspect(first.value()).path("username").asText()).isEqualTo("alice");
    assertThat(first.refreshToken()).isPresent();
    assertThat(sessionId(refreshed)).isEqualTo(sessionId(first));
    assertThatThrownBy(() -> source(withCode).request(Optional.empty()))
        .isInstanceOf(TokenRequestException.class)
        .hasMessageContaining("the authorization code in the Secret was already used")
        .hasMessageContaining(link.get())
        .hasMessageNotContaining(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/"})
  void openIdConnectDiscoversTokenEndpoint(String suffix) throws Exception {
    Token token =
        source(oidc(keycloak.issuer() + suffix, "cc-client", "cc-client-secret"))
            .request(Optional.empty());

    JsonNode introspection = introspect(token.value());
    assertThat(introspection.path("azp").asText()).isEqualTo("cc-client");
    assertThat(introspection.path("scope").asText().split(" ")).contains("openid");
  }

  @Test
  void missingIssuerFailsWithDiscoveryEnvelope() {
    String issuer = keycloak.baseUrl() + "/realms/missing";

    TokenRequestException failure =
        assertThrows(
            TokenRequestException.class,
            () -> source(oidc(issuer, "cc-client", "cc-client-secret")).request(Optional.empty()));

    ResponseEnvelope envelope = failure.envelope().orElseThrow();
    assertThat(envelope.getMethod()).isEqualTo("GET");
    assertThat(envelope.getUrl()).isEqualTo(issuer + "/.well-known/openid-configuration");
    assertThat(envelope.getStatus()).isEqualTo(404);
    assertThat(failure.getMessage())
        .isEqualTo(
            "the OpenID Connect discovery document "
                + issuer
                + "/.well-known/openid-configuration returned 404 Not Found");
  }

  @ParameterizedTest
  @EnumSource(ClientAuthenticationMethod.class)
  void wrongSecretFailsWithTokenEnvelope(ClientAuthenticationMethod method) {
    TokenRequestException failure =
        assertThrows(
            TokenRequestException.class,
            () ->
                source(
                        oauth2(
                            OAuth2GrantType.ClientCredentials, method, "cc-client", "wrong-secret"))
                    .request(Optional.empty()));

    ResponseEnvelope envelope = failure.envelope().orElseThrow();
    assertThat(envelope.getMethod()).isEqualTo("POST");
    assertThat(envelope.getUrl()).isEqualTo(keycloak.tokenUrl());
    assertThat(envelope.getStatus()).isEqualTo(401);
    assertThat(envelope.getBody().path("error").asText())
        .isIn("unauthorized_client", "invalid_client");
    assertThat(failure.getMessage())
        .startsWith("the token endpoint " + keycloak.tokenUrl() + " returned 401 ")
        .doesNotContain("wrong-secret");
  }

  @Test
  void integrationClientSendsTokenToApi() throws Exception {
    OpenIdConnectAuthentication oidc = new OpenIdConnectAuthentication();
    oidc.setIssuerUrl(keycloak.issuer());
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl(keycloak.userinfoUrl());
    builder.authentication().setOpenIdConnect(oidc);
    ConnectionSettings settings =
        builder
            .credential(CredentialKeys.CLIENT_ID, "cc-client")
            .credential(CredentialKeys.CLIENT_SECRET, "cc-client-secret")
            .build();
    TokenCaches tokens = new TokenCaches(id -> TokenStore.inMemory());

    CallResult result = new IntegrationClient(settings, clients, tokens).probe();

    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
    Token sent =
        tokens
            .cacheFor(settings.id(), TokenConfigurationDigest.of(settings), previous -> null)
            .peek()
            .orElseThrow();
    String subject = SignedJWT.parse(sent.value()).getJWTClaimsSet().getSubject();
    assertThat(result.envelope().orElseThrow().getBody().path("sub").asText()).isEqualTo(subject);
  }

  @Test
  void rejectedPrePopulatedTokenIsReplaced() {
    OpenIdConnectAuthentication oidc = new OpenIdConnectAuthentication();
    oidc.setIssuerUrl(keycloak.issuer());
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl(keycloak.userinfoUrl());
    builder.authentication().setOpenIdConnect(oidc);
    builder
        .credential(CredentialKeys.CLIENT_ID, "cc-client")
        .credential(CredentialKeys.CLIENT_SECRET, "cc-client-secret")
        .credential(CredentialKeys.ACCESS_TOKEN, "revoked-access-token");

    CallResult result =
        new IntegrationClient(
                builder.build(), clients, new TokenCaches(id -> TokenStore.inMemory()))
            .probe();

    // Keycloak answers 401 to the pre-populated token, and the retry carries a new one.
    assertThat(result.failure()).isEmpty();
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
  }

  @Test
  void integrationClientReportsTokenRequestFailed() {
    ConnectionSettingsBuilder builder =
        ConnectionSettingsBuilder.forBaseUrl(keycloak.userinfoUrl());
    OpenIdConnectAuthentication oidc = new OpenIdConnectAuthentication();
    oidc.setIssuerUrl(keycloak.issuer());
    builder.authentication().setOpenIdConnect(oidc);
    builder
        .credential(CredentialKeys.CLIENT_ID, "cc-client")
        .credential(CredentialKeys.CLIENT_SECRET, "wrong-secret");

    CallResult result =
        new IntegrationClient(
                builder.build(), clients, new TokenCaches(id -> TokenStore.inMemory()))
            .probe();

    assertThat(result.failure()).contains(CallFailure.TokenRequestFailed);
    assertThat(result.envelope().orElseThrow().getUrl()).isEqualTo(keycloak.tokenUrl());
    assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(401);
    assertThat(result.error().orElseThrow()).doesNotContain("wrong-secret");
  }

  private static ConnectionSettingsBuilder oauth2(
      OAuth2GrantType grant, ClientAuthenticationMethod method, String clientId, String secret) {
    ConnectionSettingsBuilder builder = ConnectionSettingsBuilder.forBaseUrl(keycloak.baseUrl());
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setGrantType(grant);
    oauth2.setTokenUrl(keycloak.tokenUrl());
    oauth2.setClientAuthentication(method);
    builder.authentication().setOauth2(oauth2);
    return builder
        .credential(CredentialKeys.CLIENT_ID, clientId)
        .credential(CredentialKeys.CLIENT_SECRET, secret);
  }

  private static ConnectionSettingsBuilder oidc(String issuer, String clientId, String secret) {
    ConnectionSettingsBuilder builder = ConnectionSettingsBuilder.forBaseUrl(keycloak.baseUrl());
    OpenIdConnectAuthentication oidc = new OpenIdConnectAuthentication();
    oidc.setIssuerUrl(issuer);
    builder.authentication().setOpenIdConnect(oidc);
    return builder
        .credential(CredentialKeys.CLIENT_ID, clientId)
        .credential(CredentialKeys.CLIENT_SECRET, secret);
  }

  private static ConnectionSettingsBuilder passwordSettings() {
    return oauth2(
            OAuth2GrantType.Password,
            ClientAuthenticationMethod.ClientSecretBasic,
            "password-client",
            "password-client-secret")
        .credential(CredentialKeys.USERNAME, "alice")
        .credential(CredentialKeys.PASSWORD, "alice-password");
  }

  private static ConnectionSettingsBuilder codeSettings() {
    ConnectionSettingsBuilder builder =
        oidc(keycloak.issuer(), "code-client", "code-client-secret");
    OpenIdConnectAuthentication oidc = builder.authentication().getOpenIdConnect();
    oidc.setGrantType(OAuth2GrantType.AuthorizationCode);
    oidc.setRedirectUri(KeycloakServer.REDIRECT_URI);
    return builder;
  }

  private static OAuth2TokenSource source(ConnectionSettingsBuilder settings) throws Exception {
    return OAuth2TokenSource.forSettings(settings.build(), clients);
  }

  private static JsonNode introspect(String token) throws IOException {
    Request request =
        new Request.Builder()
            .url(keycloak.introspectionUrl())
            .header("Authorization", Credentials.basic("cc-client", "cc-client-secret"))
            .post(new FormBody.Builder().add("token", token).build())
            .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      assertThat(response.code()).as("introspection status").isEqualTo(200);
      return JSON.readTree(response.body().string());
    }
  }

  private static String sessionId(Token token) throws Exception {
    return SignedJWT.parse(token.value()).getJWTClaimsSet().getStringClaim("sid");
  }

  /**
   * Logs alice in through Keycloak's login form, as an administrator would in a browser, and
   * returns the code from the redirect's Location without following it.
   */
  private static String logInAndReadCode(String authorizationUrl) throws IOException {
    OkHttpClient browser =
        new OkHttpClient.Builder().cookieJar(new MemoryCookieJar()).followRedirects(false).build();
    String page;
    try (Response response =
        browser.newCall(new Request.Builder().url(authorizationUrl).build()).execute()) {
      assertThat(response.code()).as("login page status").isEqualTo(200);
      page = response.body().string();
    }
    Matcher action = FORM_ACTION.matcher(page);
    assertThat(action.find()).as("login form in the page").isTrue();
    FormBody credentials =
        new FormBody.Builder()
            .add("username", "alice")
            .add("password", "alice-password")
            .add("credentialId", "")
            .build();
    Request login =
        new Request.Builder().url(action.group(1).replace("&amp;", "&")).post(credentials).build();
    try (Response response = browser.newCall(login).execute()) {
      assertThat(response.code())
          .as("login answer status, with the page %s", response.peekBody(4096).string())
          .isEqualTo(302);
      HttpUrl redirect = HttpUrl.get(URI.create(response.header("Location")));
      assertThat(redirect.toString()).startsWith(KeycloakServer.REDIRECT_URI);
      return redirect.queryParameter("code");
    }
  }

  /** Keeps cookies across the requests of one login, as a browser does. */
  private static final class MemoryCookieJar implements CookieJar {
    private final List<Cookie> cookies = new ArrayList<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
      for (Cookie cookie : received) {
        cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain()));
        cookies.add(cookie);
      }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
      // Keycloak marks its cookies Secure even over http. Browsers send Secure cookies to
      // loopback addresses anyway, and so does this jar.
      HttpUrl secure = url.newBuilder().scheme("https").build();
      return cookies.stream().filter(c -> c.matches(url) || c.matches(secure)).toList();
    }
  }

  /** A clock that tests move forward. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
