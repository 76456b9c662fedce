package io.integrationoperator.client.request;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes text for a URL component (RFC 3986 section 2.1): the UTF-8 bytes of every
 * character except the unreserved ones (letters, digits, {@code - . _ ~}) become {@code %XX} with
 * upper-case hex digits. So {@code / ? # @ : % & = ; ,} and spaces in a value can never act as
 * delimiters.
 */
final class PercentEncoding {
  /**
   * Reserved characters left as they are for a query parameter with {@code allowReserved: true}.
   * {@code # & = '} and {@code %} stay encoded even then, so that a value cannot end the query, add
   * a parameter or produce a wrong escape.
   */
  private static final String ALLOWED_RESERVED = ":/?@!$()*+,;[]";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Encodes every character except the unreserved ones. */
  static String encode(String text) {
    return encode(text, false);
  }

  /** Encodes as {@link #encode(String)}, but keeps {@value #ALLOWED_RESERVED} when asked. */
  static String encode(String text, boolean allowReserved) {
    StringBuilder encoded = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c) || (allowReserved && ALLOWED_RESERVED.indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
