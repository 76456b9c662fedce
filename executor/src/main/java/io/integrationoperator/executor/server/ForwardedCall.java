package io.integrationoperator.executor.server;

import io.integrationoperator.client.envelope.EchoedValue;
import java.time.Duration;
import java.util.Optional;

/**
 * Forwarding headers that a sidecar sends with a call it forwards to a gateway cluster.
 *
 * @param from the forwarding executor: its gateway cluster, or {@code sidecar}
 * @param deadline the time left of the Integration's timeout when the sidecar sent the call
 */
public record ForwardedCall(String from, Optional<Duration> deadline) {

  /** Header that marks a forwarded call; its value names the forwarding executor. */
  public static final String FORWARDED_HEADER = "X-Integration-Operator-Forwarded";

  /** Header with the milliseconds left of the Integration's timeout. */
  public static final String DEADLINE_HEADER = "X-Integration-Operator-Deadline-Ms";

  /**
   * Reads the forwarding headers.
   *
   * @param forwarded the value of {@link #FORWARDED_HEADER}; empty for a call that was not
   *     forwarded
   * @param deadline the value of {@link #DEADLINE_HEADER}, if sent
   * @throws ApiError 400 when the deadline is not a whole number of milliseconds
   */
  public static Optional<ForwardedCall> parse(Optional<String> forwarded, Optional<String> deadline)
      throws ApiError {
    if (forwarded.isEmpty()) {
      return Optional.empty();
    }
    if (deadline.isEmpty()) {
      return Optional.of(new ForwardedCall(forwarded.get(), Optional.empty()));
    }
    try {
      long millis = Long.parseLong(deadline.get().trim());
      if (millis >= 0) {
        return Optional.of(
            new ForwardedCall(forwarded.get(), Optional.of(Duration.ofMillis(millis))));
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new ApiError(
        400,
        "InvalidHeader",
        "The header "
            + DEADLINE_HEADER
            + " must be a whole number of milliseconds from 0 to "
            + Long.MAX_VALUE
            + ", not "
            + EchoedValue.of(deadline.get())
            + "; send the time left of the call's timeout.");
  }
}
