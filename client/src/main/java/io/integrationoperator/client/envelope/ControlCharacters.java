package io.integrationoperator.client.envelope;

/**
 * Escapes control characters in text that a server controls, such as a reason phrase or a malformed
 * status line, before it reaches condition messages, Events and logs. Without this, a server could
 * clear the screen or forge coloured output in the terminal of a user who runs {@code kubectl
 * describe}.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * Returns the text with every ISO control character (U+0000-U+001F, U+007F-U+009F) written as
   * {@code \xNN} or {@code \\uNNNN}, and null unchanged.
   */
  public static String escape(String text) {
    if (text == null || text.chars().noneMatch(Character::isISOControl)) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    text.chars()
        .forEach(
            c -> {
              if (!Character.isISOControl(c)) {
                escaped.append((char) c);
              } else if (c <= 0xff) {
                escaped.append(String.format("\\x%02x", c));
              } else {
                escaped.append(String.format("\\u%04x", c));
              }
            });
    return escaped.toString();
  }
}
