package io.integrationoperator.client.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.token.TokenCaches;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One connectivity probe and what it found: the status.lastProbe value and the outcome. The
 * operator probes Integrations that run their calls directly, and gateway executors probe those of
 * their cluster, so that both report a probe alike.
 *
 * @param lastProbe the probe's request result as status.lastProbe shows it
 * @param outcome whether the probe connected, with reason and message
 */
public record ProbeReport(ProbeResult lastProbe, ProbeOutcome outcome) {

  /** Response bodies longer than this, in characters of JSON, are cut in the status. */
  public static final int MAX_BODY_CHARS = 2048;

  /**
   * Calls the server once with the settings.
   *
   * @param task the task that spec.probe.task names, or empty when the probe calls no task
   * @param clients the HTTP clients to call with
   * @param tokens the caches of requested tokens, shared with earlier probes and calls
   */
  public static ProbeReport run(
      ConnectionSettings settings,
      Optional<Task> task,
      HttpClientFactory clients,
      TokenCaches tokens) {
    CallResult call = new IntegrationClient(settings, clients, tokens).probe(task);
    CredentialRedaction redaction = CredentialRedaction.of(settings.credentials());
    return new ProbeReport(lastProbe(call, redaction), ProbeOutcome.of(call));
  }

  /** Returns the status.lastProbe value of {@code call} with credential values masked. */
  public static ProbeResult lastProbe(CallResult call, CredentialRedaction redaction) {
    ProbeResult result = new ProbeResult();
    result.setTime(format(call.started()));
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
  public static ResponseEnvelope forStatus(
      ResponseEnvelope envelope, CredentialRedaction redaction) {
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

  /** Formats a time as conditions show it: ISO 8601 in UTC, whole seconds. */
  private static String format(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }
}
