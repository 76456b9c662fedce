package io.integrationoperator.client.request;

/** Thrown when the caller's input does not fit the task; the message is one sentence. */
// TODO: replaced by the full request builder
public final class InvalidTaskInputException extends Exception {
  private final String reason;

  /**
   * @param reason CamelCase reason, for example MissingParameter
   * @param message one sentence naming the value and what to do
   */
  public InvalidTaskInputException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns the CamelCase reason. */
  public String reason() {
    return reason;
  }
}
