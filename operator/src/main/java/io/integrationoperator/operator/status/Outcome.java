package io.integrationoperator.operator.status;

import java.util.Objects;

/**
 * Result of one check of a reconcile, before it becomes a condition: a status, a CamelCase reason
 * and a one-sentence message.
 */
public record Outcome(String status, String reason, String message) {

  public Outcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** Creates a passed check (status True). */
  public static Outcome passed(String reason, String message) {
    return new Outcome(ConditionStatus.TRUE, reason, message);
  }

  /** Creates a failed check (status False). */
  public static Outcome failed(String reason, String message) {
    return new Outcome(ConditionStatus.FALSE, reason, message);
  }

  /** Creates a check whose result cannot be known yet (status Unknown). */
  public static Outcome unknown(String reason, String message) {
    return new Outcome(ConditionStatus.UNKNOWN, reason, message);
  }

  /** Returns true when the status is True. */
  public boolean isTrue() {
    return ConditionStatus.TRUE.equals(status);
  }
}
