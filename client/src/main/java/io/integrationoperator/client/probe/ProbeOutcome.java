package io.integrationoperator.client.probe;

import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of one connectivity probe: whether the connection works, with a CamelCase reason and a
 * one-sentence message. The operator turns it into the Connected condition; a gateway executor
 * returns it from its probe endpoint.
 *
 * @param reason {@value #PROBE_SUCCEEDED}, {@value #HTTP_ERROR} or a {@link CallFailure} name
 * @param message one sentence naming the request and the answer or error
 * @param connected whether the server answered with a success status
 */
public record ProbeOutcome(String reason, String message, boolean connected) {

  /** Reason of a probe whose server answered with a success status. */
  public static final String PROBE_SUCCEEDED = "ProbeSucceeded";

  /** Reason of a probe whose server answered with an error status. */
  public static final String HTTP_ERROR = "HttpError";

  public ProbeOutcome {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** Returns the outcome of the probe call {@code call}. */
  public static ProbeOutcome of(CallResult call) {
    Optional<ResponseEnvelope> envelope = call.envelope();
    String request = envelope.map(e -> e.getMethod() + " " + e.getUrl()).orElse("The probe");
    if (call.succeeded()) {
      return new ProbeOutcome(
          PROBE_SUCCEEDED, request + " returned " + statusLine(envelope.get()) + ".", true);
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
      return new ProbeOutcome(call.failure().get().name(), message, false);
    }
    if (envelope.isPresent()) {
      return new ProbeOutcome(
          HTTP_ERROR, request + " returned " + statusLine(envelope.get()) + ".", false);
    }
    return new ProbeOutcome(
        CallFailure.ConnectionFailed.name(),
        "The probe returned neither a response nor an error.",
        false);
  }

  /** Ends {@code text} with a period, so that a following sentence does not run into it. */
  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  private static String statusLine(ResponseEnvelope envelope) {
    String text = envelope.getStatusText() == null ? "" : " " + envelope.getStatusText();
    return envelope.getStatus() + text;
  }
}
