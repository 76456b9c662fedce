package io.integrationoperator.executor.calls;

import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.executor.server.ApiError;
import io.integrationoperator.executor.server.JsonResponses;
import io.integrationoperator.executor.server.TaskApi;

/**
 * Maps the result of a call to the executor's answer. Whenever a server answered, even a token
 * endpoint that refused the token request, the answer is 200 with the response envelope. Otherwise
 * it is an error: 504 for a timeout, 409 when the Integration's settings cannot produce a request,
 * and 502 for connection, TLS, token request, response size and proxy failures.
 */
final class CallAnswers {
  private CallAnswers() {}

  /**
   * Returns the executor's response for {@code result}. An envelope is returned with the
   * Integration's credential values masked, because an API that echoes its request would otherwise
   * show them to a caller who may call tasks but not read the credentials.
   */
  static TaskApi.Answer answer(CallResult result, CredentialRedaction redaction) {
    if (result.envelope().isPresent()) {
      return new TaskApi.Answer(200, redaction.redact(result.envelope().get()));
    }
    CallFailure failure = result.failure().orElse(CallFailure.ConnectionFailed);
    String error = result.error().orElse("The call failed with " + failure + ".");
    ApiError apiError = new ApiError(status(failure), failure.name(), error);
    return new TaskApi.Answer(apiError.status(), JsonResponses.errorBody(apiError));
  }

  static int status(CallFailure failure) {
    return switch (failure) {
      case Timeout -> 504;
      case InvalidRequest -> 409;
      case ConnectionFailed,
          TlsHandshakeFailed,
          TokenRequestFailed,
          ResponseTooLarge,
          ProxyAuthenticationFailed,
          ProxyUnreachable ->
          502;
    };
  }

  /** Returns the outcome name {@link CallObserver#callCompleted} reports. */
  static String outcome(CallResult result) {
    if (result.envelope().isPresent() && result.failure().isEmpty()) {
      return Boolean.TRUE.equals(result.envelope().get().getOk()) ? "Ok" : "HttpError";
    }
    return result.failure().map(CallFailure::name).orElse("HttpError");
  }
}
