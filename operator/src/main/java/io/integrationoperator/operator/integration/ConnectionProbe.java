package io.integrationoperator.operator.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.operator.status.ConditionStatus;
import io.integrationoperator.operator.status.Conditions;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs connectivity probes and decides when the next one is due.
 *
 * <p>A probe is due when no earlier probe result exists, when the connection settings changed since
 * the last probe (spec, model scheme, endpoint or credentials, compared by a SHA-256 fingerprint
 * kept in memory), or when the last probe is older than the probe interval, which is at most 30
 * seconds while the last probe failed. The probe runs synchronously on the reconcile thread; the
 * call timeout bounds how long it blocks.
 */
public final class ConnectionProbe {
  /** Response bodies longer than this, in characters of JSON, are cut in the status. */
  static final int MAX_BODY_CHARS = 2048;

  /**
   * Maximum wait before a failed probe is repeated. A server that was down when the Integration was
   * applied is found within this time, not only after probe.interval.
   */
  static final Duration FAILED_PROBE_RETRY = Duration.ofSeconds(30);

  private ConnectionProbe() {}

  /**
   * Returns the time between probes: probe.interval, or at most {@link #FAILED_PROBE_RETRY} while
   * the Connected condition is False.
   */
  public static Duration interval(Duration configured, Condition connected) {
    boolean failed = connected != null && ConditionStatus.FALSE.equals(connected.getStatus());
    return failed && configured.compareTo(FAILED_PROBE_RETRY) > 0 ? FAILED_PROBE_RETRY : configured;
  }

  /** Outcome of one probe: the status field and the Connected condition. */
  public record Result(ProbeResult lastProbe, Outcome connected) {}

  /**
   * Calls the server once with the settings.
   *
   * @param task the task that spec.probe.task names, or empty when the probe calls no task
   * @param tokens the caches of requested tokens, shared with earlier probes
   */
  public static Result run(ConnectionSettings settings, Optional<Task> task, TokenCaches tokens) {
    CallResult call =
        new IntegrationClient(settings, HttpClientFactory.shared(), tokens).probe(task);
    CredentialRedaction redaction = CredentialRedaction.of(settings.credentials());
    return new Result(lastProbe(call, redaction), connected(call));
  }

  /**
   * Returns true when a probe must run now.
   *
   * @param lastProbe status.lastProbe, possibly null
   * @param connected the current Connected condition, possibly null
   * @param settingsChanged whether the settings differ from those of the last probe
   */
  public static boolean isDue(
      ProbeResult lastProbe,
      Condition connected,
      boolean settingsChanged,
      Duration interval,
      Instant now) {
    if (settingsChanged || lastProbe == null || connected == null) {
      return true;
    }
    if (ConditionStatus.UNKNOWN.equals(connected.getStatus())) {
      return true;
    }
    return lastProbeTime(lastProbe).map(t -> !t.plus(interval).isAfter(now)).orElse(true);
  }

  /** Returns the time until the next probe is due, at least one second. */
  public static Duration untilNext(ProbeResult lastProbe, Duration interval, Instant now) {
    Duration remaining =
        lastProbeTime(lastProbe)
            .map(t -> Duration.between(now, t.plus(interval)))
            .orElse(Duration.ZERO);
    return remaining.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : remaining;
  }

  /**
   * Computes a fingerprint of everything a probe depends on. Credential values enter only through
   * the hash, which is kept in memory and never written anywhere.
   */
  public static String fingerprint(ConnectionSettings settings) {
    Map<String, Object> parts = new TreeMap<>();
    parts.put("baseUrl", settings.baseUrl());
    parts.put("spec", settings.spec());
    parts.put("scheme", settings.scheme().map(ConnectionProbe::describe).orElse(null));
    parts.put("credentials", new TreeMap<>(settings.credentials()));
    parts.put("caBundle", settings.caBundlePem().orElse(null));
    parts.put("timeout", settings.timeout().toString());
    return sha256(Serialization.asJson(parts));
  }

  static Outcome connected(CallResult call) {
    Optional<ResponseEnvelope> envelope = call.envelope();
    String request = envelope.map(e -> e.getMethod() + " " + e.getUrl()).orElse("The probe");
    if (call.succeeded()) {
      return Outcome.passed(
          IntegrationConditions.PROBE_SUCCEEDED,
          request + " returned " + statusLine(envelope.get()) + ".");
    }
    if (call.failure().isPresent()) {
      String error = call.error().orElse("The probe failed.");
      // Token and key request errors already name the status the endpoint returned.
      String answer =
          envelope
              .filter(e -> !error.contains("returned " + e.getStatus()))
              .map(e -> " The server returned " + statusLine(e) + ".")
              .orElse("");
      String message = answer.isEmpty() ? error : sentence(error) + answer;
      return Outcome.failed(call.failure().get().name(), message);
    }
    if (envelope.isPresent()) {
      return Outcome.failed(
          IntegrationConditions.HTTP_ERROR,
          request + " returned " + statusLine(envelope.get()) + ".");
    }
    return Outcome.failed(
        CallFailure.ConnectionFailed.name(), "The probe returned neither a response nor an error.");
  }

  static ProbeResult lastProbe(CallResult call) {
    return lastProbe(call, CredentialRedaction.of(Map.of()));
  }

  static ProbeResult lastProbe(CallResult call, CredentialRedaction redaction) {
    ProbeResult result = new ProbeResult();
    result.setTime(Conditions.format(call.started()));
    result.setDuration(call.duration().toMillis() + "ms");
    result.setResponse(call.envelope().map(e -> forStatus(e, redaction)).orElse(null));
    result.setError(call.error().map(redaction::redact).orElse(null));
    return result;
  }

  /**
   * Copies the envelope for the status: without Set-Cookie headers, which may carry a session, with
   * every credential value the request sent masked in the URL, headers and body, because anyone who
   * may read the Integration reads its status, and with a long body cut, so that the status stays
   * small. The body is masked before it is cut, so no part of a value survives.
   */
  static ResponseEnvelope forStatus(ResponseEnvelope envelope, CredentialRedaction redaction) {
    ResponseEnvelope copy = redaction.redact(envelope);
    if (copy.getHeaders() != null) {
      Map<String, String> headers = new TreeMap<>(copy.getHeaders());
      headers.keySet().removeIf(name -> name.equalsIgnoreCase("set-cookie"));
      copy.setHeaders(headers);
    }
    copy.setBody(shortBody(copy.getBody()));
    return copy;
  }

  private static JsonNode shortBody(JsonNode body) {
    if (body == null) {
      return null;
    }
    String text = body.isTextual() ? body.asText() : body.toString();
    if (text.length() <= MAX_BODY_CHARS) {
      return body;
    }
    return TextNode.valueOf(text.substring(0, MAX_BODY_CHARS) + "...");
  }

  /** Ends {@code text} with a period, so that a following sentence does not run into it. */
  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  private static String statusLine(ResponseEnvelope envelope) {
    String text = envelope.getStatusText() == null ? "" : " " + envelope.getStatusText();
    return envelope.getStatus() + text;
  }

  private static Optional<Instant> lastProbeTime(ProbeResult lastProbe) {
    if (lastProbe == null || lastProbe.getTime() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(lastProbe.getTime()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String describe(SecuritySchemeInfo scheme) {
    Map<String, String> details = scheme.details() == null ? Map.of() : scheme.details();
    return scheme.name() + "|" + scheme.type() + "|" + new TreeMap<>(details);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
