package io.integrationoperator.client.request;

import io.integrationoperator.client.envelope.ControlCharacters;

/** Makes caller-chosen names safe to quote in an error message. */
final class Names {
  /** Maximum length of a quoted name; longer names are cut, since a caller chooses them. */
  private static final int MAX_QUOTED_CHARS = 100;

  private Names() {}

  /** Returns the name with control characters escaped and cut to {@value #MAX_QUOTED_CHARS}. */
  static String quoted(String name) {
    String escaped = ControlCharacters.escape(name == null ? "null" : name);
    return escaped.length() <= MAX_QUOTED_CHARS
        ? escaped
        : escaped.substring(0, MAX_QUOTED_CHARS) + "...";
  }
}
