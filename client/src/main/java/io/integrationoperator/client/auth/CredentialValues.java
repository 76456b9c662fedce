package io.integrationoperator.client.auth;

import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.Map;

/** Reads and checks credential values. Messages name the credential key, never its value. */
final class CredentialValues {

  private CredentialValues() {}

  /**
   * Returns the non-empty value of {@code key}.
   *
   * @throws InvalidSettingsException when the key is missing or empty
   */
  static String require(Map<String, String> credentials, String key, String method)
      throws InvalidSettingsException {
    String value = credentials == null ? null : credentials.get(key);
    if (value == null || value.isEmpty()) {
      throw new InvalidSettingsException(
          "the credential '" + key + "' for " + method + " authentication is missing or empty");
    }
    return value;
  }

  /**
   * Checks that a value can be sent in an HTTP header. Only visible ASCII, space and tab are
   * allowed, because RFC 9110 treats other bytes in field values as obsolete.
   *
   * @throws InvalidSettingsException naming {@code key} when the value has another character
   */
  static void requireHeaderSafe(String value, String key) throws InvalidSettingsException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new InvalidSettingsException(
            "the credential '"
                + key
                + "' contains a control or non-ASCII character at position "
                + (i + 1)
                + ", which an HTTP header cannot carry");
      }
    }
  }

  /** Returns true when {@code value} has a control character (U+0000 to U+001F or U+007F). */
  static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}
