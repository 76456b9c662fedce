package io.integrationoperator.executor.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.integrationoperator.api.integration.SyslogFormat;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns a log event into one syslog message in the RFC 5424 or RFC 3164 format, without transport
 * framing.
 *
 * <p>RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID - - MSG}, with the timestamp in UTC
 * and milliseconds, no message ID and no structured data. MSG has no byte order mark, which RFC
 * 5424 allows (MSG-ANY), because several receivers print the mark as text. RFC 3164: {@code
 * <PRI>Mmm dd hh:mm:ss HOSTNAME APP-NAME[PROCID]: MSG} in the zone given to the constructor.
 *
 * <p>In both formats MSG is {@code integration=<namespace>/<name>} followed by the formatted
 * message and, when the event has one, the exception class and message. Control characters become
 * spaces, so one event is always one line.
 */
final class SyslogMessageEncoder {

  /** Maximum message size of RFC 3164, section 4.1. */
  static final int RFC3164_MAX_BYTES = 1024;

  /** Below the maximum UDP payload over IPv4 (65507 bytes), with room for headers. */
  static final int RFC5424_MAX_BYTES = 65000;

  private static final DateTimeFormatter RFC5424_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter RFC3164_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);

  private final SyslogFormat format;
  private final SyslogFacility facility;
  private final String hostname;
  private final String appName;
  private final String procId;
  private final String integration;
  private final DateTimeFormatter rfc3164Time;

  /**
   * Creates an encoder.
   *
   * @param integration {@code <namespace>/<name>} of the Integration whose records this encodes
   * @param zone time zone of RFC 3164 timestamps, which carry no zone
   */
  SyslogMessageEncoder(
      SyslogFormat format,
      SyslogFacility facility,
      String hostname,
      String appName,
      long pid,
      String integration,
      ZoneId zone) {
    this.format = format;
    this.facility = facility;
    this.hostname = headerField(hostname, 255);
    this.appName = headerField(appName, format == SyslogFormat.RFC5424 ? 48 : 32);
    this.procId = Long.toString(pid);
    this.integration = integration;
    this.rfc3164Time = RFC3164_TIME.withZone(zone);
  }

  /** Returns the syslog severity (RFC 5424, section 6.2.1) of a Logback level. */
  static int severity(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> 3;
      case Level.WARN_INT -> 4;
      case Level.INFO_INT -> 6;
      default -> 7;
    };
  }

  /** Returns the PRI value: facility code times 8 plus severity. */
  int priority(Level level) {
    return facility.code() * 8 + severity(level);
  }

  /** Returns the UTF-8 bytes of the message for {@code event}, cut at the format's size limit. */
  byte[] encode(ILoggingEvent event) {
    Instant time = Instant.ofEpochMilli(event.getTimeStamp());
    String header =
        switch (format) {
          case RFC5424 ->
              "<%d>1 %s %s %s %s - - "
                  .formatted(
                      priority(event.getLevel()),
                      RFC5424_TIME.format(time),
                      hostname,
                      appName,
                      procId);
          case RFC3164 ->
              "<%d>%s %s %s[%s]: "
                  .formatted(
                      priority(event.getLevel()),
                      rfc3164Time.format(time),
                      hostname,
                      appName,
                      procId);
        };
    int limit = format == SyslogFormat.RFC3164 ? RFC3164_MAX_BYTES : RFC5424_MAX_BYTES;
    return utf8Prefix(header + messageText(event), limit);
  }

  private String messageText(ILoggingEvent event) {
    StringBuilder text = new StringBuilder("integration=").append(integration).append(' ');
    text.append(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      text.append(": ").append(thrown.getClassName());
      if (thrown.getMessage() != null) {
        text.append(": ").append(thrown.getMessage());
      }
    }
    return replaceControlCharacters(text);
  }

  private static String replaceControlCharacters(CharSequence text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return clean.toString();
  }

  /**
   * Returns a header field of printable US-ASCII without spaces, at most {@code maxLength} long, or
   * the NILVALUE "-" when nothing is left (RFC 5424, section 6).
   */
  static String headerField(String value, int maxLength) {
    if (value == null) {
      return "-";
    }
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < value.length() && field.length() < maxLength; i++) {
      char c = value.charAt(i);
      if (c > 32 && c < 127) {
        field.append(c);
      }
    }
    return field.isEmpty() ? "-" : field.toString();
  }

  /** Returns the UTF-8 encoding of {@code text}, cut at a character boundary within the limit. */
  static byte[] utf8Prefix(String text, int maxBytes) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer bytes = ByteBuffer.allocate(Math.min(maxBytes, text.length() * 3));
    // The encoder stops before a character that would not fit, so no character is split.
    encoder.encode(CharBuffer.wrap(text), bytes, true);
    byte[] result = new byte[bytes.position()];
    bytes.flip().get(result);
    return result;
  }
}
