package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialRedactionTest {
  private final CredentialRedaction redaction =
      CredentialRedaction.of(Map.of("username", "alice", "password", "pa ss", "token", "ab"));

  @Test
  void clientIdIsKeptAndSecretMasked() {
    CredentialRedaction oauth =
        CredentialRedaction.of(
            Map.of(
                CredentialKeys.CLIENT_ID, "code-client", CredentialKeys.CLIENT_SECRET, "s3cret"));

    assertThat(oauth.redact("open /auth?client_id=code-client with s3cret"))
        .isEqualTo("open /auth?client_id=code-client with ****");
  }

  @Test
  void basicPairInBase64IsMasked() {
    // Base64 of "alice:pa ss"
    assertThat(redaction.redact("Basic YWxpY2U6cGEgc3M=")).isEqualTo("Basic ****");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          quote and backslash escaped | {"decoded":"bob:p\\"a\\\\ss/w0rd+Q"}  | {"decoded":"****:****"}
          slash escaped too           | {"decoded":"bob:p\\"a\\\\ss\\/w0rd+Q"} | {"decoded":"****:****"}
          """)
  void jsonEscapedFormIsMaskedInText(String name, String body, String expected) {
    CredentialRedaction proxy =
        CredentialRedaction.of(
            Map.of(
                CredentialKeys.PROXY_USERNAME, "bob",
                CredentialKeys.PROXY_PASSWORD, "p\"a\\ss/w0rd+Q"));

    assertThat(proxy.redact(body)).isEqualTo(expected);
  }

  @Test
  void proxyCredentialsAreMaskedInEnvelope() {
    CredentialRedaction proxy =
        CredentialRedaction.of(
            Map.of(CredentialKeys.PROXY_USERNAME, "bob", CredentialKeys.PROXY_PASSWORD, "px pw"));
    ResponseEnvelope envelope = new ResponseEnvelope();
    envelope.setUrl("http://127.0.0.1/echo?p=px+pw");
    // Base64 of "bob:px pw", as a server that echoes Proxy-Authorization would return it.
    envelope.setHeaders(Map.of("x-echo", "Basic Ym9iOnB4IHB3"));
    envelope.setBody(new ObjectMapper().createObjectNode().put("password", "px pw"));

    ResponseEnvelope redacted = proxy.redact(envelope);

    assertThat(redacted.getUrl()).isEqualTo("http://127.0.0.1/echo?p=****");
    assertThat(redacted.getHeaders()).containsEntry("x-echo", "Basic ****");
    assertThat(redacted.getBody().get("password").asText()).isEqualTo("****");
  }

  @Test
  void clientSecretBasicHeaderIsMasked() {
    CredentialRedaction oauth =
        CredentialRedaction.of(
            Map.of(
                CredentialKeys.CLIENT_ID,
                "my-client",
                CredentialKeys.CLIENT_SECRET,
                "CliS3cret-777"));

    // Base64 of "my-client:CliS3cret-777", as a token endpoint may echo the request's header.
    assertThat(oauth.redact("Authorization: Basic bXktY2xpZW50OkNsaVMzY3JldC03Nzc="))
        .isEqualTo("Authorization: Basic ****");
  }

  @Test
  void formEncodedClientSecretBasicHeaderIsMasked() {
    CredentialRedaction oauth =
        CredentialRedaction.of(
            Map.of(CredentialKeys.CLIENT_ID, "app:1", CredentialKeys.CLIENT_SECRET, "s e%cret"));

    // Base64 of "app%3A1:s+e%25cret", the RFC 6749 form-encoded pair.
    assertThat(oauth.redact("Basic YXBwJTNBMTpzK2UlMjVjcmV0")).isEqualTo("Basic ****");
  }

  @Test
  void encodedValueIsMasked() {
    assertThat(redaction.redact("/x?p=pa%20ss&q=pa+ss")).isEqualTo("/x?p=****&q=****");
  }

  @Test
  void shortValueIsKept() {
    assertThat(redaction.redact("about")).isEqualTo("about");
  }

  @Test
  void jsonKeysAndValuesAreMasked() throws Exception {
    JsonNode body =
        new ObjectMapper().readTree("{\"alice\": [\"user alice\", 7], \"n\": {\"k\": \"pa ss\"}}");

    JsonNode redacted = redaction.redact(body);

    assertThat(redacted.toString())
        .isEqualTo("{\"****\":[\"user ****\",7],\"n\":{\"k\":\"****\"}}");
    assertThat(body.has("alice")).isTrue();
  }

  @Test
  void headerNamesAndValuesAreMasked() {
    assertThat(redaction.redact(Map.of("X-alice", "Bearer pa ss")))
        .containsExactly(Map.entry("X-****", "Bearer ****"));
  }
}
