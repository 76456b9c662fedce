package io.integrationoperator.client.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoedValueTest {

  @Test
  void shortValueIsKept() {
    assertThat(EchoedValue.of("x".repeat(40))).isEqualTo("x".repeat(40));
  }

  @Test
  void longValueIsCut() {
    assertThat(EchoedValue.of("x".repeat(41))).isEqualTo("x".repeat(40) + "...");
  }

  @Test
  void controlCharactersAreEscaped() {
    assertThat(EchoedValue.of("a\nb")).isEqualTo("a\\x0ab");
  }

  @Test
  void nullIsNamed() {
    assertThat(EchoedValue.of(null)).isEqualTo("null");
  }
}
