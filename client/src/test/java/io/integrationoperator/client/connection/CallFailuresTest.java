package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CallFailuresTest {

  private static final HttpUrl URL = HttpUrl.get("https://api.example.test:8443/v1/items");

  private static IOException withCause(IOException exception, Throwable cause) {
    exception.initCause(cause);
    return exception;
  }

  static Stream<Arguments> exceptions() {
    return Stream.of(
        Arguments.of(
            "refused connection",
            withCause(
                new ConnectException("Failed to connect"),
                new ConnectException("Connection refused")),
            CallFailure.ConnectionFailed,
            "could not connect to api.example.test:8443: connection refused"),
        Arguments.of(
            "unknown host",
            new UnknownHostException("api.example.test"),
            CallFailure.ConnectionFailed,
            "could not resolve the host name of api.example.test:8443 (unknown host)"),
        Arguments.of(
            "reset connection",
            new SocketException("Connection reset"),
            CallFailure.ConnectionFailed,
            "the connection to api.example.test:8443 failed: connection reset"),
        Arguments.of(
            "read timeout",
            new SocketTimeoutException("Read timed out"),
            CallFailure.Timeout,
            "the call to api.example.test:8443 timed out after 30s"),
        Arguments.of(
            "call timeout",
            new InterruptedIOException("timeout"),
            CallFailure.Timeout,
            "the call to api.example.test:8443 timed out after 30s"),
        Arguments.of(
            "untrusted certificate",
            (IOException)
                new SSLHandshakeException("PKIX path building failed")
                    .initCause(
                        new CertificateException(
                            new CertPathBuilderException("unable to find valid path"))),
            CallFailure.TlsHandshakeFailed,
            "TLS handshake with api.example.test:8443 failed: the server certificate is not"
                + " trusted (it is not signed by a CA in the JVM trust store or tls.caBundle)"),
        Arguments.of(
            "name mismatch in handshake",
            (IOException)
                new SSLHandshakeException("No subject alternative DNS name matching x found.")
                    .initCause(
                        new CertificateException(
                            "No subject alternative DNS name matching x found.")),
            CallFailure.TlsHandshakeFailed,
            "TLS handshake with api.example.test:8443 failed: the server certificate is not valid"
                + " for the host name api.example.test"),
        Arguments.of(
            "name mismatch after handshake",
            new SSLPeerUnverifiedException("Hostname api.example.test not verified"),
            CallFailure.TlsHandshakeFailed,
            "TLS handshake with api.example.test:8443 failed: the server certificate is not valid"
                + " for the host name api.example.test"),
        Arguments.of(
            "protocol error",
            new IOException("unexpected end of stream"),
            CallFailure.ConnectionFailed,
            "the call to api.example.test:8443 failed because the answer was not valid HTTP"
                + " (unexpected end of stream); check that spec.server.protocol and"
                + " spec.server.port match the server"),
        Arguments.of(
            "malformed status line",
            new IOException("\\n not found: limit=0 content=16030100ab…"),
            CallFailure.ConnectionFailed,
            "the call to api.example.test:8443 failed because the answer was not valid HTTP"
                + " (no complete status line); check that spec.server.protocol and"
                + " spec.server.port match the server"),
        Arguments.of(
            "status line with escape sequences",
            new IOException("Unexpected status line: \u001b]0;TITLE\u0007\u001b[2JFAKE OK"),
            CallFailure.ConnectionFailed,
            "the call to api.example.test:8443 failed because the answer was not valid HTTP"
                + " (unexpected status line: \\x1b]0;TITLE\\x07\\x1b[2JFAKE OK); check that"
                + " spec.server.protocol and spec.server.port match the server"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exceptions")
  void classifiesException(String name, IOException exception, CallFailure failure, String error) {
    CallFailures.Classified classified =
        CallFailures.classify(exception, URL, Duration.ofSeconds(30), "api.example.test", Map.of());

    assertThat(classified.failure()).isEqualTo(failure);
    assertThat(classified.error()).isEqualTo(error);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PT30S, 30s", "PT2M, 2m", "PT0.3S, 300ms", "PT1.5S, 1500ms"})
  void formatsDuration(Duration duration, String expected) {
    assertThat(CallFailures.format(duration)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "failed with hunter22 in it, failed with **** in it",
    "no secret here, no secret here"
  })
  void redactsCredentialValues(String text, String expected) {
    assertThat(CallFailures.redact(text, Map.of("password", "hunter22", "username", "ab")))
        .isEqualTo(expected);
  }
}
