package io.integrationoperator.client.envelope;

/**
 * A request value (header, path segment, field name) quoted in an error message. The caller chooses
 * these values, so they are cut to a short prefix: an answer never grows with the request.
 */
public final class EchoedValue {
  /** Maximum number of characters of a value quoted in an error message. */
  public static final int MAX_CHARS = 40;

  private EchoedValue() {}

  /**
   * Returns the value with control characters escaped, cut to {@value #MAX_CHARS} characters
   * followed by {@code ...} when it is longer.
   */
  public static String of(String value) {
    String escaped = ControlCharacters.escape(value == null ? "null" : value);
    return escaped.length() <= MAX_CHARS ? escaped : escaped.substring(0, MAX_CHARS) + "...";
  }
}
