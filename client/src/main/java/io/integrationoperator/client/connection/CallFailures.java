package io.integrationoperator.client.connection;

import io.integrationoperator.client.envelope.ControlCharacters;
import io.integrationoperator.client.http.ProxyAuthenticationException;
import io.integrationoperator.client.http.ProxyConnectionException;
import io.integrationoperator.client.http.ProxyHostUnknownException;
import io.integrationoperator.client.http.ProxySettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/**
 * Maps the exception of a failed call to a {@link CallFailure} and a one-sentence error. The
 * sentence is built from the host, port and exception types. Any credential value that still
 * appears in it is replaced by ****.
 */
final class CallFailures {

  /** A classified failure. */
  record Classified(CallFailure failure, String error) {}

  /**
   * Start of OkHttp's message when a proxy responds to CONNECT with a status other than 200 or 407.
   */
  private static final String CONNECT_REFUSED = "Unexpected response code for CONNECT: ";

  private CallFailures() {}

  /**
   * Classifies {@code exception}, raised while calling {@code url} through {@code proxy}, or
   * directly when {@code proxy} is empty. A proxy that responds to CONNECT with an error status,
   * such as tinyproxy's 500 or 502 when it cannot reach the server, gives ConnectionFailed, because
   * the proxy worked and the server is what could not be reached.
   */
  static Classified classify(
      IOException exception,
      HttpUrl url,
      Duration timeout,
      String serverName,
      Map<String, String> credentials,
      Optional<ProxySettings> proxy) {
    String endpoint = url.host() + ":" + url.port();
    Classified classified =
        proxy.isPresent() ? classifyProxied(exception, endpoint, proxy.get().url()) : null;
    if (classified == null) {
      classified = classify(exception, endpoint, timeout, serverName);
    }
    return new Classified(classified.failure(), redact(classified.error(), credentials));
  }

  /**
   * Classifies {@code exception}, raised while calling {@code url}.
   *
   * @param timeout the call timeout, named in Timeout errors
   * @param serverName the name the certificate was checked against when tls.serverName is set
   */
  static Classified classify(
      IOException exception,
      HttpUrl url,
      Duration timeout,
      String serverName,
      Map<String, String> credentials) {
    return classify(exception, url, timeout, serverName, credentials, Optional.empty());
  }

  /** Returns the classification of a failure that only a proxy causes, or null for others. */
  private static Classified classifyProxied(
      IOException exception, String endpoint, String proxyUrl) {
    Optional<Classified> rejected = proxyFailure(exception, proxyUrl);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    if (exception instanceof UnknownHostException) {
      return new Classified(
          CallFailure.ProxyUnreachable,
          "could not resolve the host name of the proxy "
              + proxyUrl
              + " (unknown host); check the proxy URL");
    }
    if (exception instanceof ConnectException || exception instanceof NoRouteToHostException) {
      return new Classified(
          CallFailure.ProxyUnreachable,
          "could not connect to the proxy "
              + proxyUrl
              + ": "
              + lowerCaseDetail(exception)
              + "; check the proxy URL and that the proxy is running");
    }
    String message = exception.getMessage();
    if (message != null && message.startsWith(CONNECT_REFUSED)) {
      return new Classified(
          CallFailure.ConnectionFailed,
          "the proxy "
              + proxyUrl
              + " could not open a tunnel to "
              + endpoint
              + " (it responded to CONNECT with status "
              + message.substring(CONNECT_REFUSED.length()).strip()
              + "); check that the proxy can reach the server and allows CONNECT to its port");
    }
    return null;
  }

  /**
   * Returns the classification of a proxy failure in {@code exception} or its causes (token and key
   * requests wrap the exception of their own call): a 407 that the client did not retry, a 401
   * response to CONNECT, which tinyproxy 1.11 sends for a wrong password and which only the proxy
   * can send, or a failed TCP connect, name lookup or TLS handshake for the proxy itself.
   */
  static Optional<Classified> proxyFailure(Throwable exception, String proxyUrl) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProxyAuthenticationException) {
        return Optional.of(
            new Classified(CallFailure.ProxyAuthenticationFailed, cause.getMessage()));
      }
      if (cause instanceof ProxyConnectionException || cause instanceof ProxyHostUnknownException) {
        return Optional.of(new Classified(CallFailure.ProxyUnreachable, cause.getMessage()));
      }
      if ((CONNECT_REFUSED + "401").equals(cause.getMessage())) {
        return Optional.of(
            new Classified(
                CallFailure.ProxyAuthenticationFailed,
                "the proxy "
                    + proxyUrl
                    + " rejected the proxy credentials (it responded to CONNECT with 401"
                    + " Unauthorized); check username and password in the proxy Secret"));
      }
    }
    return Optional.empty();
  }

  private static Classified classify(
      IOException exception, String endpoint, Duration timeout, String serverName) {
    if (exception instanceof SSLPeerUnverifiedException) {
      return new Classified(
          CallFailure.TlsHandshakeFailed,
          "TLS handshake with "
              + endpoint
              + " failed: the server certificate is not valid for the host name "
              + serverName);
    }
    if (exception instanceof SSLException) {
      return new Classified(
          CallFailure.TlsHandshakeFailed,
          "TLS handshake with " + endpoint + " failed: " + tlsCause(exception, serverName));
    }
    if (exception instanceof InterruptedIOException) {
      if (Thread.currentThread().isInterrupted()) {
        return new Classified(
            CallFailure.Timeout, "the call to " + endpoint + " was interrupted before it ended");
      }
      return new Classified(
          CallFailure.Timeout, "the call to " + endpoint + " timed out after " + format(timeout));
    }
    if (exception instanceof UnknownHostException) {
      return new Classified(
          CallFailure.ConnectionFailed,
          "could not resolve the host name of " + endpoint + " (unknown host)");
    }
    if (exception instanceof ConnectException || exception instanceof NoRouteToHostException) {
      return new Classified(
          CallFailure.ConnectionFailed,
          "could not connect to " + endpoint + ": " + lowerCaseDetail(exception));
    }
    if (exception instanceof SocketException) {
      return new Classified(
          CallFailure.ConnectionFailed,
          "the connection to " + endpoint + " failed: " + lowerCaseDetail(exception));
    }
    // The connection worked but the bytes that came back were not HTTP, typically plain HTTP sent
    // to a TLS port or a port of another protocol.
    return new Classified(
        CallFailure.ConnectionFailed,
        "the call to "
            + endpoint
            + " failed because the answer was not valid HTTP ("
            + protocolDetail(exception)
            + "); check that spec.server.protocol and spec.server.port match the server");
  }

  /**
   * Returns the exception's detail without the server's bytes, which OkHttp quotes in hex after
   * "content=" when a status line is malformed, and at most 80 characters of it.
   */
  private static String protocolDetail(IOException exception) {
    String detail = lowerCaseDetail(exception);
    if (detail.startsWith("\\n not found") || detail.startsWith("\\x0a not found")) {
      // Okio's wording, with a backslash and an n, when no line break ends the status line
      // within its limit.
      return "no complete status line";
    }
    int content = detail.indexOf(" content=");
    if (content >= 0) {
      detail = detail.substring(0, content);
    }
    detail = detail.strip();
    return detail.length() > 80 ? detail.substring(0, 80) + "..." : detail;
  }

  /** Describes why a TLS handshake failed, from the exception's causes. */
  private static String tlsCause(Throwable exception, String serverName) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertPathBuilderException
          || cause instanceof CertPathValidatorException) {
        return "the server certificate is not trusted (it is not signed by a CA in the JVM trust"
            + " store or tls.caBundle)";
      }
      if (cause instanceof CertificateExpiredException) {
        return "the server certificate has expired";
      }
      if (cause instanceof CertificateNotYetValidException) {
        return "the server certificate is not valid yet";
      }
      String message = cause.getMessage();
      if (message != null
          && (message.contains("No subject alternative") || message.contains("No name matching"))) {
        return "the server certificate is not valid for the host name " + serverName;
      }
    }
    return lowerCaseDetail(exception);
  }

  /** Returns the innermost message of the exception's causes, starting in lower case. */
  private static String lowerCaseDetail(Throwable exception) {
    String detail = null;
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        detail = cause.getMessage();
      }
    }
    if (detail == null) {
      return exception.getClass().getSimpleName();
    }
    // Details such as an unexpected status line quote the server's bytes.
    detail = ControlCharacters.escape(detail);
    return detail.substring(0, 1).toLowerCase(Locale.ROOT) + detail.substring(1);
  }

  /** Formats a duration as 30s, 1500ms or 2m. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** Replaces credential values in {@code text} as {@link CredentialRedaction} describes. */
  static String redact(String text, Map<String, String> credentials) {
    return CredentialRedaction.of(credentials).redact(text);
  }
}
