package io.integrationoperator.executor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.integrationoperator.api.integration.SyslogFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyslogMessageEncoderTest {

  private static final LoggerContext CONTEXT = new LoggerContext();
  private static final Instant TIME = Instant.parse("2026-03-05T07:08:09.012Z");

  @ParameterizedTest(name = "{0} at {1} has PRI {2}")
  @CsvSource({
    "kern, ERROR, 3",
    "user, WARN, 12",
    "mail, INFO, 22",
    "auth, DEBUG, 39",
    "authpriv, TRACE, 87",
    "local0, INFO, 134",
    "local7, DEBUG, 191"
  })
  void priorityCombinesFacilityAndSeverity(String facility, String level, int priority) {
    SyslogMessageEncoder encoder = encoder(SyslogFormat.RFC5424, facility, ZoneOffset.UTC);

    assertThat(encoder.priority(Level.toLevel(level))).isEqualTo(priority);
  }

  @Test
  void rfc5424HeaderHasUtcMillisecondTimestamp() {
    SyslogMessageEncoder encoder = encoder(SyslogFormat.RFC5424, "local0", ZoneOffset.UTC);

    assertThat(text(encoder.encode(event(Level.INFO, "hello"))))
        .isEqualTo(
            "<134>1 2026-03-05T07:08:09.012Z pod-1 integration-executor 42 - - "
                + "integration=shop/petstore hello");
  }

  @Test
  void rfc3164HeaderUsesZoneAndPaddedDay() {
    SyslogMessageEncoder encoder =
        encoder(SyslogFormat.RFC3164, "user", ZoneId.of("Europe/Berlin"));

    assertThat(text(encoder.encode(event(Level.WARN, "hello"))))
        .isEqualTo(
            "<12>Mar  5 08:08:09 pod-1 integration-executor[42]: "
                + "integration=shop/petstore hello");
  }

  @Test
  void controlCharactersBecomeSpaces() {
    SyslogMessageEncoder encoder = encoder(SyslogFormat.RFC5424, "user", ZoneOffset.UTC);

    assertThat(text(encoder.encode(event(Level.INFO, "line one\nline two\r\tend"))))
        .endsWith("integration=shop/petstore line one line two  end");
  }

  @Test
  void exceptionClassAndMessageFollowText() {
    SyslogMessageEncoder encoder = encoder(SyslogFormat.RFC5424, "user", ZoneOffset.UTC);
    LoggingEvent event = event(Level.ERROR, "call failed");
    event.setThrowableProxy(
        new ch.qos.logback.classic.spi.ThrowableProxy(
            new java.net.ConnectException("Connection refused")));

    assertThat(text(encoder.encode(event)))
        .endsWith("call failed: java.net.ConnectException: Connection refused");
  }

  @Test
  void rfc3164CutAt1024Bytes() {
    SyslogMessageEncoder encoder = encoder(SyslogFormat.RFC3164, "user", ZoneOffset.UTC);

    byte[] message = encoder.encode(event(Level.INFO, "\u00e9".repeat(2000)));

    assertThat(message.length).isBetween(1023, 1024);
    assertThat(text(message)).doesNotContain("\ufffd").endsWith("\u00e9");
  }

  @Test
  void headerFieldDropsSpacesAndNonAscii() {
    assertThat(SyslogMessageEncoder.headerField("pod 1\u00e9x", 255)).isEqualTo("pod1x");
    assertThat(SyslogMessageEncoder.headerField("  ", 255)).isEqualTo("-");
    assertThat(SyslogMessageEncoder.headerField(null, 255)).isEqualTo("-");
    assertThat(SyslogMessageEncoder.headerField("abcdef", 4)).isEqualTo("abcd");
  }

  private static SyslogMessageEncoder encoder(SyslogFormat format, String facility, ZoneId zone) {
    return new SyslogMessageEncoder(
        format,
        SyslogFacility.of(facility),
        "pod-1",
        IntegrationLoggers.APP_NAME,
        42,
        "shop/petstore",
        zone);
  }

  private static LoggingEvent event(Level level, String message) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerContext(CONTEXT);
    event.setLoggerName("integration.shop.petstore");
    event.setLevel(level);
    event.setMessage(message);
    event.setTimeStamp(TIME.toEpochMilli());
    return event;
  }

  private static String text(byte[] message) {
    return new String(message, StandardCharsets.UTF_8);
  }
}
