package io.integrationoperator.executor.server;

/**
 * A call that could not be made, answered with a non-200 status and the body {@code {"error": "<one
 * sentence>", "reason": "<CamelCase>"}}. The message is the error sentence, so it must never
 * contain a credential or token.
 */
public final class ApiError extends Exception {
  private final int status;
  private final String reason;

  /**
   * @param status HTTP status of the answer
   * @param reason CamelCase reason
   * @param error one sentence saying what failed, on which value, and what to do
   */
  public ApiError(int status, String reason, String error) {
    super(error, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  /** Returns the HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** Returns the CamelCase reason. */
  public String reason() {
    return reason;
  }

  /** Returns the error sentence. */
  public String error() {
    return getMessage();
  }
}
