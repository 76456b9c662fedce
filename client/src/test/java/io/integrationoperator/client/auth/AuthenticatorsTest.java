package io.integrationoperator.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OpenIdConnectAuthentication;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenRequestException;
import io.integrationoperator.client.token.TokenStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

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
  void basicRejectsTrailingLineFeedWithHint() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL).basic("automation", "s3cret\n");

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the basic authentication username or password contains a control character, which"
                + " RFC 7617 does not allow; a trailing line feed usually comes from kubectl create"
                + " secret --from-file, so create the Secret with --from-literal or stringData");
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

  @Test
  void mutualTlsLeavesRequestUnchanged() throws Exception {
    // The credentials hold no valid PEM: the authenticator does not read them, the TLS layer does.
    RequestAuthenticator authenticator =
        Authenticators.forSettings(
            ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
                .mutualTls("certificate-text", "key-text")
                .build());
    Request request = new Request.Builder().url(BASE_URL + "/pets").build();

    assertThat(authenticator).isSameAs(RequestAuthenticator.NONE);
    assertThat(authenticator.authenticate(request)).isSameAs(request);
  }

  @Test
  void awsSigV4DerivesScopeFromAwsHost() throws Exception {
    String baseUrl = "https://mq.eu-west-1.amazonaws.com";
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(baseUrl)
            .awsSigV4(null, null, "AKIDEXAMPLE", "secret-key-1", null);

    RequestAuthenticator authenticator = Authenticators.forSettings(settings.build());
    Request result = authenticator.authenticate(get(baseUrl + "/v1/brokers"));

    assertThat(authenticator.toString())
        .isEqualTo("AwsSigV4Authenticator[region=eu-west-1, service=mq, credentials=****]");
    assertThat(result.header("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
        .contains(
            "/eu-west-1/mq/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date,");
    assertThat(result.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
  }

  @Test
  void awsSigV4OnOtherHostNeedsRegion() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
            .awsSigV4(null, "execute-api", "AKIDEXAMPLE", "secret-key-1", null);

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("spec.authentication.awsSigV4.region is not set");
  }

  @Test
  void apiKeyForAwsSchemePointsToAwsSigV4() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
            .apiKey("header", "Authorization", "key-1")
            .scheme(new SecuritySchemeInfo("hmac", "awsSigV4", Map.of()));

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the security scheme 'hmac' is AWS Signature Version 4"
                + " (x-amazon-apigateway-authtype: awsSigv4), which apiKey authentication cannot"
                + " sign; set spec.authentication.awsSigV4 with a Secret that holds accessKeyId"
                + " and secretAccessKey instead");
  }

  @Test
  void oauth2UsesTokenCache() throws InvalidSettingsException {
    OAuth2Authentication oauth2 = new OAuth2Authentication();
    oauth2.setTokenUrl("http://127.0.0.1:1/token");
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
            .credential(CredentialKeys.CLIENT_ID, "client")
            .credential(CredentialKeys.CLIENT_SECRET, "client-secret");
    settings.authentication().setOauth2(oauth2);

    RequestAuthenticator authenticator =
        Authenticators.forSettings(settings.build(), new TokenCaches(id -> TokenStore.inMemory()));

    assertThat(authenticator).isInstanceOf(TokenAuthenticator.class);
    assertThat(authenticator.toString()).doesNotContain("client-secret");
  }

  @Test
  void openIdConnectWithoutIssuerIsInvalid() {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(BASE_URL)
            .credential(CredentialKeys.CLIENT_ID, "client")
            .credential(CredentialKeys.CLIENT_SECRET, "client-secret");
    settings.authentication().setOpenIdConnect(new OpenIdConnectAuthentication());

    assertThatThrownBy(() -> Authenticators.forSettings(settings.build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "openIdConnect authentication needs an issuer: set"
                + " spec.authentication.openIdConnect.issuerUrl, or an openIdConnectUrl in the"
                + " model's openIdConnect scheme");
  }
}
