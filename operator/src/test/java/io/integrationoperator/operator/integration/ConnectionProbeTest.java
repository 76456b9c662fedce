package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.IntegrationId;
import io.integrationoperator.operator.status.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionProbeTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(5);

  @Test
  void failedProbeIsRepeatedWithinThirtySeconds() {
    Condition failed = new ConditionBuilder().withType("Connected").withStatus("False").build();
    Condition passed = new ConditionBuilder().withType("Connected").withStatus("True").build();

    assertThat(ConnectionProbe.interval(Duration.ofMinutes(5), failed))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(ConnectionProbe.interval(Duration.ofSeconds(10), failed))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(ConnectionProbe.interval(Duration.ofMinutes(5), passed))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(ConnectionProbe.interval(Duration.ofMinutes(5), null))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void tokenFailureMessageNamesStatusOnce() {
    ResponseEnvelope tokenAnswer = new ResponseEnvelope();
    tokenAnswer.setMethod("POST");
    tokenAnswer.setUrl("http://127.0.0.1:2379/v3/auth/authenticate");
    tokenAnswer.setStatus(400);
    tokenAnswer.setStatusText("Bad Request");
    CallResult call =
        new CallResult(
            NOW,
            Duration.ofMillis(3),
            Optional.of(tokenAnswer),
            Optional.of(CallFailure.TokenRequestFailed),
            Optional.of(
                "the key request POST http://127.0.0.1:2379/v3/auth/authenticate returned 400"));

    Outcome connected = ConnectionProbe.connected(call);

    assertThat(connected.reason()).isEqualTo("TokenRequestFailed");
    assertThat(connected.message())
        .isEqualTo("the key request POST http://127.0.0.1:2379/v3/auth/authenticate returned 400");
  }

  @Test
  void failureWithEnvelopeAddsStatusLine() {
    ResponseEnvelope answer = new ResponseEnvelope();
    answer.setStatus(503);
    answer.setStatusText("Service Unavailable");
    CallResult call =
        new CallResult(
            NOW,
            Duration.ofMillis(3),
            Optional.of(answer),
            Optional.of(CallFailure.TokenRequestFailed),
            Optional.of("the token endpoint could not be used"));

    assertThat(ConnectionProbe.connected(call).message())
        .isEqualTo(
            "the token endpoint could not be used. The server returned 503 Service Unavailable.");
  }

  @Test
  void probeIsDueWithoutEarlierResult() {
    assertThat(ConnectionProbe.isDue(null, null, false, INTERVAL, NOW)).isTrue();
  }

  @Test
  void probeIsDueWhenSettingsChanged() {
    assertThat(
            ConnectionProbe.isDue(
                probeAt("2026-03-01T11:59:00Z"), connected("True"), true, INTERVAL, NOW))
        .isTrue();
  }

  @Test
  void probeIsDueWhenConnectedIsUnknown() {
    assertThat(
            ConnectionProbe.isDue(
                probeAt("2026-03-01T11:59:00Z"), connected("Unknown"), false, INTERVAL, NOW))
        .isTrue();
  }

  @Test
  void probeIsNotDueWithinInterval() {
    assertThat(
            ConnectionProbe.isDue(
                probeAt("2026-03-01T11:56:00Z"), connected("False"), false, INTERVAL, NOW))
        .isFalse();
    assertThat(ConnectionProbe.untilNext(probeAt("2026-03-01T11:56:00Z"), INTERVAL, NOW))
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void probeIsDueAfterInterval() {
    assertThat(
            ConnectionProbe.isDue(
                probeAt("2026-03-01T11:55:00Z"), connected("True"), false, INTERVAL, NOW))
        .isTrue();
    assertThat(ConnectionProbe.untilNext(probeAt("2026-03-01T11:00:00Z"), INTERVAL, NOW))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void successIsProbeSucceeded() {
    Outcome outcome = ConnectionProbe.connected(call(envelope(200, "OK"), null, null));

    assertThat(outcome.status()).isEqualTo("True");
    assertThat(outcome.reason()).isEqualTo("ProbeSucceeded");
  }

  @Test
  void non2xxResponseIsHttpError() {
    Outcome outcome = ConnectionProbe.connected(call(envelope(401, "Unauthorized"), null, null));

    assertThat(outcome.status()).isEqualTo("False");
    assertThat(outcome.reason()).isEqualTo("HttpError");
    assertThat(outcome.message()).contains("401 Unauthorized").contains("GET https://api.test/");
  }

  @Test
  void failureReasonIsTheCallFailureName() {
    Outcome outcome =
        ConnectionProbe.connected(
            call(null, CallFailure.TlsHandshakeFailed, "The certificate is not trusted."));

    assertThat(outcome.reason()).isEqualTo("TlsHandshakeFailed");
    assertThat(outcome.message()).isEqualTo("The certificate is not trusted.");
  }

  @Test
  void statusCopyDropsCookiesAndLongBody() {
    ResponseEnvelope envelope = envelope(200, "OK");
    envelope.setHeaders(Map.of("Set-Cookie", "session=abc", "Content-Type", "text/plain"));
    envelope.setBody(TextNode.valueOf("x".repeat(5000)));

    ProbeResult result = ConnectionProbe.lastProbe(call(envelope, null, null));

    assertThat(result.getResponse().getHeaders()).containsOnlyKeys("Content-Type");
    assertThat(result.getResponse().getBody().asText()).hasSize(ConnectionProbe.MAX_BODY_CHARS + 3);
    assertThat(result.getTime()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(result.getDuration()).isEqualTo("120ms");
  }

  @Test
  void fingerprintChangesWithCredentialsOnly() {
    ConnectionSettings first = settings(Map.of("password", "one"));
    ConnectionSettings same = settings(Map.of("password", "one"));
    ConnectionSettings rotated = settings(Map.of("password", "two"));

    assertThat(ConnectionProbe.fingerprint(first)).isEqualTo(ConnectionProbe.fingerprint(same));
    assertThat(ConnectionProbe.fingerprint(first))
        .isNotEqualTo(ConnectionProbe.fingerprint(rotated));
    assertThat(ConnectionProbe.fingerprint(first)).doesNotContain("one");
  }

  private static ConnectionSettings settings(Map<String, String> credentials) {
    return new ConnectionSettings(
        new IntegrationId("default", "probe-test"),
        "https://api.test",
        new IntegrationSpec(),
        Optional.empty(),
        credentials,
        Optional.empty(),
        Duration.ofSeconds(30));
  }

  private static CallResult call(ResponseEnvelope envelope, CallFailure failure, String error) {
    return new CallResult(
        NOW,
        Duration.ofMillis(120),
        Optional.ofNullable(envelope),
        Optional.ofNullable(failure),
        Optional.ofNullable(error));
  }

  private static ResponseEnvelope envelope(int status, String text) {
    ResponseEnvelope envelope = new ResponseEnvelope();
    envelope.setOk(status / 100 == 2);
    envelope.setMethod("GET");
    envelope.setUrl("https://api.test/");
    envelope.setStatus(status);
    envelope.setStatusText(text);
    return envelope;
  }

  private static ProbeResult probeAt(String time) {
    ProbeResult result = new ProbeResult();
    result.setTime(time);
    return result;
  }

  private static Condition connected(String status) {
    return new ConditionBuilder().withType("Connected").withStatus(status).build();
  }
}
