package io.integrationoperator.executor.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.executor.server.TaskApi;
import java.time.Duration;
import java.time.Instant;
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
        CallAnswers.answer(CallResult.answered(STARTED, Duration.ofMillis(5), envelope));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isSameAs(envelope);
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

    TaskApi.Answer answer = CallAnswers.answer(result);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isSameAs(tokenEnvelope);
    assertThat(CallAnswers.outcome(result)).isEqualTo("TokenRequestFailed");
  }

  @ParameterizedTest(name = "{0} gives {1}")
  @CsvSource({
    "ConnectionFailed, 502",
    "TlsHandshakeFailed, 502",
    "TokenRequestFailed, 502",
    "ResponseTooLarge, 502",
    "Timeout, 504",
    "InvalidRequest, 409"
  })
  void failureWithoutEnvelopeIsErrorBody(CallFailure failure, int status) {
    CallResult result =
        CallResult.failed(STARTED, Duration.ofMillis(5), failure, "The call failed.");

    TaskApi.Answer answer = CallAnswers.answer(result);

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

  private static ResponseEnvelope envelope(boolean ok, String method, int status) {
    ResponseEnvelope envelope = new ResponseEnvelope();
    envelope.setOk(ok);
    envelope.setMethod(method);
    envelope.setStatus(status);
    envelope.setUrl("https://api.example.test/v3/pet/1");
    return envelope;
  }
}
