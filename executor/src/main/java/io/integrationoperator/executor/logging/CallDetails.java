package io.integrationoperator.executor.logging;

import java.util.Map;

/**
 * Request and response of one upstream call, for the DEBUG and TRACE lines of {@link
 * IntegrationLoggers#logCallDetails}. Never pass the request or response of a token or key
 * exchange: their bodies are credentials.
 *
 * @param method HTTP method
 * @param redactedUrl URL without credentials
 * @param requestHeaders request headers; credential headers are masked before logging
 * @param requestBody request body text, or null when there is none
 * @param status response status code, or 0 when no response arrived
 * @param responseHeaders response headers; credential headers are masked before logging
 * @param responseBody response body text, or null when there is none
 */
public record CallDetails(
    String method,
    String redactedUrl,
    Map<String, String> requestHeaders,
    String requestBody,
    int status,
    Map<String, String> responseHeaders,
    String responseBody) {

  /** Returns the method, URL and status only, with the bodies left out. */
  @Override
  public String toString() {
    return "CallDetails[" + method + " " + redactedUrl + " -> " + status + "]";
  }
}
