package io.integrationoperator.executor.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.executor.server.TaskApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallAnswersTest {
  private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void answeredCallIsEnvelopeWithStatus200() {
    ResponseEnvelope envelope = envelope(false, "GET", 404);

    TaskApi.Answer answer =
        CallAnswers.answer(
            CallResult.answered(STARTED, Duration.ofMillis(5), envelope),
            CredentialRedaction.of(Map.of()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).usingRecursiveComparison().isEqualTo(envelope);
  }

  @Test
  void tokenFailureWithEnvelopeIsEnvelopeWithStatus200() {
    ResponseEnvelope tokenEnvelope = envelope(false, "POST", 401);
    CallResult result =
        new CallResult(
            STARTED,
            Duration.ofMillis(5),
            Optional.of(tokenEnvelope),
            Optional.of(CallFailure.TokenRequestFailed),
            Optional.of("The token endpoint answered 401."));

    TaskApi.Answer answer = CallAnswers.answer(result, CredentialRedaction.of(Map.of()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).usingRecursiveComparison().isEqualTo(tokenEnvelope);
    assertThat(CallAnswers.outcome(result)).isEqualTo("TokenRequestFailed");
  }

  @ParameterizedTest(name = "{0} gives {1}")
  @CsvSource({
    "ConnectionFailed, 502",
    "TlsHandshakeFailed, 502",
    "TokenRequestFailed, 502",
    "ResponseTooLarge, 502",
    "ProxyAuthenticationFailed, 502",
    "ProxyUnreachable, 502",
    "Timeout, 504",
    "InvalidRequest, 409"
  })
  void failureWithoutEnvelopeIsErrorBody(CallFailure failure, int status) {
    CallResult result =
        CallResult.failed(STARTED, Duration.ofMillis(5), failure, "The call failed.");

    TaskApi.Answer answer = CallAnswers.answer(result, CredentialRedaction.of(Map.of()));

    assertThat(answer.status()).isEqualTo(status);
    ObjectNode body = (ObjectNode) answer.body();
    assertThat(body.get("reason").asText()).isEqualTo(failure.name());
    assertThat(body.get("error").asText()).isEqualTo("The call failed.");
    assertThat(body.size()).isEqualTo(2);
    assertThat(CallAnswers.outcome(result)).isEqualTo(failure.name());
  }

  @Test
  void outcomeSeparatesSuccessFromHttpError() {
    CallResult ok = CallResult.answered(STARTED, Duration.ZERO, envelope(true, "GET", 200));
    CallResult notFound = CallResult.answered(STARTED, Duration.ZERO, envelope(false, "GET", 404));

    assertThat(CallAnswers.outcome(ok)).isEqualTo("Ok");
    assertThat(CallAnswers.outcome(notFound)).isEqualTo("HttpError");
  }

  @Test
  void echoedCredentialsAreMasked() {
    ResponseEnvelope echo = envelope(true, "GET", 200);
    echo.setUrl("https://api.example.test/v3/echo?api_key=QK-9f8e7d6c");
    echo.setHeaders(Map.of("x-echo-auth", "Basic YXV0b21hdGlvbjpTM2NyM3RQYXNzdzByZCE="));
    ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    body.put("password", "S3cr3tPassw0rd!");
    body.put("query", "/health?api_key=QK-9f8e7d6c");
    echo.setBody(body);
    CredentialRedaction redaction =
        CredentialRedaction.of(
            Map.of(
                "username", "automation", "password", "S3cr3tPassw0rd!", "apiKey", "QK-9f8e7d6c"));

    ResponseEnvelope answered =
        (ResponseEnvelope)
            CallAnswers.answer(CallResult.answered(STARTED, Duration.ofMillis(5), echo), redaction)
                .body();

    assertThat(answered.getUrl()).isEqualTo("https://api.example.test/v3/echo?api_key=****");
    assertThat(answered.getHeaders()).containsEntry("x-echo-auth", "Basic ****");
    assertThat(answered.getBody().get("password").asText()).isEqualTo("****");
    assertThat(answered.getBody().get("query").asText()).isEqualTo("/health?api_key=****");
  }

  private static ResponseEnvelope envelope(boolean ok, String method, int status) {
    ResponseEnvelope envelope = new ResponseEnvelope();
    envelope.setOk(ok);
    envelope.setMethod(method);
    envelope.setStatus(status);
    envelope.setUrl("https://api.example.test/v3/pet/1");
    return envelope;
  }
}
