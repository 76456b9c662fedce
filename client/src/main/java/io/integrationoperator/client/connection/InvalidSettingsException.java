package io.integrationoperator.client.connection;

/**
 * Thrown when connection settings cannot produce a request, for example a malformed base URL, a CA
 * bundle without certificates, a missing credential or an authentication method that is not
 * supported yet. The message is one sentence for status and logs, and never contains a credential.
 * {@link IntegrationClient} turns it into a {@link CallFailure#InvalidRequest} result.
 */
public class InvalidSettingsException extends Exception {

  public InvalidSettingsException(String message) {
    super(message);
  }

  public InvalidSettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
