package io.integrationoperator.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.api.authentication.DynamicRetrieval;
import io.integrationoperator.api.authentication.MutualTlsAuthentication;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OpenIdConnectAuthentication;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.token.TokenRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticatorsTest {

  private static final String BASE_URL = "https://api.example.test/api/v3";

  private static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  private static Request authenticate(ConnectionSettingsBuilder settings, Request request)
      throws InvalidSettingsException {
    try {
      return Authenticators.forSettings(settings.build()).authenticate(request);
    } catch (TokenRequestException e) {
      throw new AssertionError("fixed credentials need no token request", e);
    }
  }

  @Test
  void noAuthenticationLeavesRequestUnchanged() throws InvalidSettingsException {
    Request request = get(BASE_URL + "/pet/1");

    Request result = authenticate(ConnectionSettingsBuilder.forBaseUrl(BASE_URL), request);

    assertThat(result).isSameAs(request);
  }

  @Test
  void basicEncodesUtf8Credentials() throws InvalidSettingsException {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).basic("jürgen", "pässwörd €");

    Request result = authenticate(settings, get(BASE_URL));

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("jürgen:pässwörd €".getBytes(StandardCharsets.UTF_8));
    assertThat(result.header("Authorization")).isEqualTo(expected);
  }

  @Test
  void basicRejectsColonInUsername() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).basic("ali:ce", "secret-1");

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("contains a colon");
  }

  @Test
  void basicRejectsMissingPassword() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).basic("alice", "");

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("the credential 'password' for basic authentication is missing or empty");
  }

  @Test
  void bearerSetsAuthorizationHeader() throws InvalidSettingsException {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).bearer("tok.en-123");

    Request result = authenticate(settings, get(BASE_URL));

    assertThat(result.header("Authorization")).isEqualTo("Bearer tok.en-123");
  }

  @Test
  void bearerRejectsLineBreakWithoutShowingToken() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).bearer("secret-token\nX-Injected: 1");

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'token'")
        .hasMessageNotContaining("secret-token");
  }

  @Test
  void apiKeyInHeaderUsesSchemeName() throws InvalidSettingsException {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).apiKey("header", "api_key", "key-123");

    Request result = authenticate(settings, get(BASE_URL));

    assertThat(result.header("api_key")).isEqualTo("key-123");
  }

  @Test
  void apiKeyInQueryReplacesExistingParameter() throws InvalidSettingsException {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).apiKey("query", "key", "k/1 2");

    Request result = authenticate(settings, get(BASE_URL + "/pet?status=sold&key=old"));

    assertThat(result.url().queryParameterValues("key")).containsExactly("k/1 2");
    assertThat(result.url().queryParameter("status")).isEqualTo("sold");
    assertThat(Authenticators.forSettings(settings.build()).credentialQueryParameters())
        .containsExactly("key");
  }

  @Test
  void apiKeyInCookieJoinsExistingCookies() throws InvalidSettingsException {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).apiKey("cookie", "session_key", "abc123");
    Request request = get(BASE_URL).newBuilder().header("Cookie", "theme=dark").build();

    Request result = authenticate(settings, request);

    assertThat(result.header("Cookie")).isEqualTo("theme=dark; session_key=abc123");
  }

  @Test
  void apiKeyInCookieRejectsSemicolon() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).apiKey("cookie", "k", "abc;def");

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("cookie value cannot carry")
        .hasMessageNotContaining("abc;def");
  }

  @Test
  void apiKeyRejectsUnknownLocation() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).apiKey("body", "k", "v-1");

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("invalid 'in' value 'body'");
  }

  @Test
  void apiKeyNeedsModelScheme() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).apiKey("header", "k", "v-1").scheme(null);

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("needs an apiKey security scheme");
  }

  @Test
  void authenticatorToStringHidesCredentials() throws InvalidSettingsException {
    String basic =
        Authenticators.forSettings(
                ConnectionSettingsBuilder.forBaseUrl(BASE_URL).basic("alice", "pw-secret").build())
            .toString();
    String bearer =
        Authenticators.forSettings(
                ConnectionSettingsBuilder.forBaseUrl(BASE_URL).bearer("tok-secret").build())
            .toString();
    String apiKey =
        Authenticators.forSettings(
                ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                    .apiKey("header", "k", "key-secret")
                    .build())
            .toString();

    assertThat(basic).doesNotContain("alice").doesNotContain("pw-secret");
    assertThat(bearer).doesNotContain("tok-secret");
    assertThat(apiKey).doesNotContain("key-secret");
  }

  static Stream<Arguments> unsupportedMethods() {
    return Stream.of(
        Arguments.of(
            "awsSigV4",
            (Consumer<ConnectionSettingsBuilder>)
                s -> s.authentication().setAwsSigV4(new AwsSigV4Authentication())),
        Arguments.of(
            "oauth2",
            (Consumer<ConnectionSettingsBuilder>)
                s -> s.authentication().setOauth2(new OAuth2Authentication())),
        Arguments.of(
            "openIdConnect",
            (Consumer<ConnectionSettingsBuilder>)
                s -> s.authentication().setOpenIdConnect(new OpenIdConnectAuthentication())),
        Arguments.of(
            "mutualTls",
            (Consumer<ConnectionSettingsBuilder>)
                s -> s.authentication().setMutualTls(new MutualTlsAuthentication())),
        Arguments.of(
            "dynamic API key",
            (Consumer<ConnectionSettingsBuilder>)
                s -> {
                  ApiKeyAuthentication apiKey = new ApiKeyAuthentication();
                  apiKey.setDynamicRetrieval(new DynamicRetrieval());
                  s.authentication().setApiKey(apiKey);
                  s.scheme(
                      new SecuritySchemeInfo("k", "apiKey", Map.of("in", "header", "name", "k")));
                }),
        Arguments.of(
            "awsSigV4",
            (Consumer<ConnectionSettingsBuilder>)
                s -> {
                  s.authentication().setApiKey(new ApiKeyAuthentication());
                  s.scheme(new SecuritySchemeInfo("sigv4", "awsSigV4", Map.of()));
                }));
  }

  @ParameterizedTest(name = "{0} is not supported yet")
  @MethodSource("unsupportedMethods")
  void laterMethodsAreNotSupportedYet(String method, Consumer<ConnectionSettingsBuilder> setUp) {
    ConnectionSettingsBuilder settings = ConnectionSettingsBuilder.forBaseUrl(BASE_URL);
    setUp.accept(settings);

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(method + " authentication is not supported yet; use apiKey, basic or bearer");
  }
}
