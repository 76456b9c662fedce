package io.integrationoperator.client.request;

/**
 * The inputs of a task call do not fit the task's OpenAPI operation, so no request was built. The
 * executor responds to such a call with HTTP 400 and {@code {"error": getMessage(), "reason":
 * reason()}}.
 *
 * <p>Reasons, a closed set:
 *
 * <ul>
 *   <li>{@code UnknownParameter}: a parameter name the operation does not declare
 *   <li>{@code MissingParameter}: a required parameter is not given, or the path template has a
 *       placeholder that no parameter fills
 *   <li>{@code InvalidParameter}: a value of the wrong shape or type, an empty path value, or a
 *       path value with a {@code .} or {@code ..} segment
 *   <li>{@code InvalidHeader}: a header name that is not an HTTP token, a header value with CR, LF,
 *       another control character or a non-ASCII character, or a header the caller may not set
 *   <li>{@code MissingBody}: the operation requires a request body and none is given
 *   <li>{@code InvalidBody}: a body for an operation without one, or a body that the chosen media
 *       type cannot carry
 *   <li>{@code UnsupportedMediaType}: the Content-Type header names a media type the operation does
 *       not accept
 *   <li>{@code InvalidPath}: the operation's path template has a {@code .} or {@code ..} segment,
 *       which OkHttp would remove
 * </ul>
 *
 * <p>Messages name the parameter or header and what to do, and never contain a parameter, header or
 * body value, because those can be secrets.
 */
public final class InvalidTaskInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason CamelCase reason from the closed set above
   * @param message one sentence naming the value and what to do
   */
  public InvalidTaskInputException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns the CamelCase reason, for example UnknownParameter. */
  public String reason() {
    return reason;
  }
}
