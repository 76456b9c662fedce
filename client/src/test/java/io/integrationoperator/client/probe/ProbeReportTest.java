package io.integrationoperator.client.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.CredentialRedaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeReportTest {
  private static final Instant STARTED = Instant.parse("2026-03-01T12:00:00.750Z");

  @Test
  void successIsConnected() {
    ProbeOutcome outcome = ProbeOutcome.of(call(envelope(200, "OK"), null, null));

    assertThat(outcome)
        .isEqualTo(
            new ProbeOutcome(
                "ProbeSucceeded", "GET https://api.test/health returned 200 OK.", true));
  }

  @Test
  void errorStatusIsHttpError() {
    ProbeOutcome outcome = ProbeOutcome.of(call(envelope(503, "Service Unavailable"), null, null));

    assertThat(outcome)
        .isEqualTo(
            new ProbeOutcome(
                "HttpError",
                "GET https://api.test/health returned 503 Service Unavailable.",
                false));
  }

  @Test
  void failureNamesTheAnswerOfTheServer() {
    ProbeOutcome outcome =
        ProbeOutcome.of(
            call(envelope(400, "Bad Request"), CallFailure.TokenRequestFailed, "Token refused"));

    assertThat(outcome)
        .isEqualTo(
            new ProbeOutcome(
                "TokenRequestFailed",
                "Token refused. The server returned 400 Bad Request.",
                false));
  }

  @Test
  void lastProbeMasksCredentialsAndCutsLongBodies() {
    ResponseEnvelope envelope = envelope(200, "OK");
    envelope.setHeaders(Map.of("Set-Cookie", "session=abc", "X-Echo", "secret-word"));
    envelope.setBody(TextNode.valueOf("secret-word " + "x".repeat(5000)));

    ProbeResult result =
        ProbeReport.lastProbe(
            call(envelope, null, null), CredentialRedaction.of(Map.of("password", "secret-word")));

    assertThat(result.getTime()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(result.getDuration()).isEqualTo("120ms");
    assertThat(result.getResponse().getHeaders()).containsOnlyKeys("X-Echo");
    assertThat(result.getResponse().getHeaders().get("X-Echo")).doesNotContain("secret-word");
    assertThat(result.getResponse().getBody().asText())
        .hasSize(ProbeReport.MAX_BODY_CHARS + 3)
        .doesNotContain("secret-word");
  }

  private static CallResult call(ResponseEnvelope envelope, CallFailure failure, String error) {
    return new CallResult(
        STARTED,
        Duration.ofMillis(120),
        Optional.ofNullable(envelope),
        Optional.ofNullable(failure),
        Optional.ofNullable(error));
  }

  private static ResponseEnvelope envelope(int status, String text) {
    ResponseEnvelope envelope = new ResponseEnvelope();
    envelope.setOk(status / 100 == 2);
    envelope.setMethod("GET");
    envelope.setUrl("https://api.test/health");
    envelope.setStatus(status);
    envelope.setStatusText(text);
    return envelope;
  }
}
