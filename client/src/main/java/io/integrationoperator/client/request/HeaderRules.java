package io.integrationoperator.client.request;

import java.util.Locale;
import java.util.Map;

/**
 * Checks header names and values before they reach OkHttp, so that no value can add a header line
 * or end the header block.
 *
 * <p>Names must be HTTP tokens (RFC 9110 section 5.6.2). Values may contain only tab and printable
 * ASCII (0x20 to 0x7E): CR, LF, other control characters and non-ASCII characters are rejected.
 *
 * <p>Headers that a caller may not set in {@code headers}, nor through a header parameter:
 *
 * <ul>
 *   <li>Authorization, Proxy-Authorization: the Integration's authentication and proxy settings set
 *       them
 *   <li>Cookie: the task's cookie parameters set it
 *   <li>Host, Content-Length, Transfer-Encoding, Connection, Keep-Alive, Proxy-Connection, TE,
 *       Trailer, Upgrade: the HTTP client sets them for the connection and message framing
 * </ul>
 *
 * Content-Type is allowed only with a body, where it picks the body's media type.
 */
final class HeaderRules {
  /** Lower-case name of each reserved header, with why the caller may not set it. */
  private static final Map<String, String> RESERVED =
      Map.ofEntries(
          Map.entry("authorization", "the Integration's authentication sets it"),
          Map.entry("proxy-authorization", "the Integration's proxy settings set it"),
          Map.entry("cookie", "the task's cookie parameters set it"),
          Map.entry("host", "the HTTP client sets it from the base URL"),
          Map.entry("content-length", "the HTTP client sets it from the body"),
          Map.entry("transfer-encoding", "the HTTP client sets it from the body"),
          Map.entry("connection", "the HTTP client manages connections"),
          Map.entry("keep-alive", "the HTTP client manages connections"),
          Map.entry("proxy-connection", "the HTTP client manages connections"),
          Map.entry("te", "the HTTP client manages transfer codings"),
          Map.entry("trailer", "the HTTP client manages message framing"),
          Map.entry("upgrade", "the HTTP client manages protocol upgrades"));

  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HeaderRules() {}

  /** Rejects a name that is not a token or that is reserved. */
  static void checkName(String name) throws InvalidTaskInputException {
    if (name == null || name.isEmpty() || !name.chars().allMatch(HeaderRules::isTokenChar)) {
      throw new InvalidTaskInputException(
          "InvalidHeader",
          "header name '"
              + Names.quoted(name)
              + "' is not a valid HTTP header name; use only letters, digits and "
              + TOKEN_SYMBOLS
              + ".");
    }
    String reason = RESERVED.get(name.toLowerCase(Locale.ROOT));
    if (reason != null) {
      throw new InvalidTaskInputException(
          "InvalidHeader",
          "header '" + name + "' may not be set by the caller, because " + reason + "; remove it.");
    }
  }

  /** Rejects a value with a character other than tab and printable ASCII. */
  static void checkValue(String name, String value) throws InvalidTaskInputException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new InvalidTaskInputException(
            "InvalidHeader",
            "header '"
                + Names.quoted(name)
                + "' has a line break (CR or LF) in its value; remove line breaks from the value.");
      }
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new InvalidTaskInputException(
            "InvalidHeader",
            "header '"
                + Names.quoted(name)
                + "' has a control or non-ASCII character at index "
                + i
                + " of its value; header values may contain only tab and printable ASCII.");
      }
    }
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || TOKEN_SYMBOLS.indexOf(c) >= 0;
  }
}
