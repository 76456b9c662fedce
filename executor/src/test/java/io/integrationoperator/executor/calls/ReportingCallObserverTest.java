package io.integrationoperator.executor.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.executor.metrics.CallOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportingCallObserverTest {

  @ParameterizedTest(name = "{0} with status {1} counts as {2}")
  @CsvSource({
    "Ok, 200, OK",
    "HttpError, 404, HTTP_ERROR",
    "ConnectionFailed, 0, CONNECTION_FAILED",
    "TlsHandshakeFailed, 0, TLS_FAILED",
    "Timeout, 0, TIMEOUT",
    "TokenRequestFailed, 0, TOKEN_FAILED",
    "TokenRequestFailed, 401, TOKEN_FAILED",
    "InvalidRequest, 0, INVALID_REQUEST",
    "ResponseTooLarge, 0, RESPONSE_TOO_LARGE",
    "ProxyAuthenticationFailed, 0, PROXY_AUTHENTICATION_FAILED",
    "ProxyUnreachable, 0, PROXY_UNREACHABLE"
  })
  void outcomeNameMapsToMetricOutcome(String outcome, int status, CallOutcome expected) {
    assertThat(ReportingCallObserver.callOutcome(outcome, status)).isEqualTo(expected);
  }
}
