package io.integrationoperator.client.catalog;

/** Thrown when a document cannot be turned into a task catalog. */
public class InvalidDocumentException extends Exception {
  private final String jsonPath;

  /**
   * @param jsonPath JSON path of the part that caused the problem, for example
   *     $.paths['/pet'].get.responses, or $ for the whole document
   * @param message one sentence naming the problem and what to do
   */
  public InvalidDocumentException(String jsonPath, String message) {
    super(message);
    this.jsonPath = jsonPath;
  }

  /**
   * @param jsonPath JSON path of the part that caused the problem, or $ for the whole document
   * @param message one sentence naming the problem and what to do
   * @param cause the parser failure behind the problem
   */
  public InvalidDocumentException(String jsonPath, String message, Throwable cause) {
    super(message, cause);
    this.jsonPath = jsonPath;
  }

  public String getJsonPath() {
    return jsonPath;
  }
}
