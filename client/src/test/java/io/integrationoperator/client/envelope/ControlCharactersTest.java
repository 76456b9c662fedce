package io.integrationoperator.client.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlCharactersTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("plain text", "Not Found", "Not Found"),
        Arguments.of("escape sequence", "\u001b[2J\u001b[31mFAKE", "\\x1b[2J\\x1b[31mFAKE"),
        Arguments.of("title and bell", "\u001b]0;TITLE\u0007", "\\x1b]0;TITLE\\x07"),
        Arguments.of("nul and line break", "a\u0000b\nc", "a\\x00b\\x0ac"),
        Arguments.of("c1 control", "x\u009by", "x\\x9by"),
        Arguments.of("non-ascii letters", "Grüße", "Grüße"),
        Arguments.of("null", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void escapesControlCharacters(String name, String text, String expected) {
    assertThat(ControlCharacters.escape(text)).isEqualTo(expected);
  }
}
