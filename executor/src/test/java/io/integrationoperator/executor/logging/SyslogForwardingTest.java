package io.integrationoperator.executor.logging;

import static io.integrationoperator.executor.logging.TestIntegrations.integration;
import static io.integrationoperator.executor.logging.TestIntegrations.syslog;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.integrationoperator.api.integration.LogLevel;
import io.integrationoperator.api.integration.SyslogFormat;
import io.integrationoperator.api.integration.SyslogProtocol;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Sends Integration log records to syslog receivers that the test runs on 127.0.0.1. */
class SyslogForwardingTest {

  private static final Duration ARRIVAL = Duration.ofSeconds(5);
  private static final Duration SILENCE = Duration.ofMillis(500);
  private static final String HOST = "executor-test";
  private static final long PID = ProcessHandle.current().pid();
  private static final String RFC5424_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
  private static final String RFC3164_TIME = "[A-Z][a-z]{2} [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d";
  private static final String CALL_LINE =
      "integration=shop/petstore task=getPet method=GET"
          + " url=https://api.example.test/pets/7 status=200 durationMs=12";

  private final AtomicInteger drops = new AtomicInteger();
  private IntegrationLoggers loggers;
  private SyslogReceiver receiver;

  @BeforeEach
  void createLoggers() {
    loggers =
        new IntegrationLoggers(
            (LoggerContext) LoggerFactory.getILoggerFactory(),
            HOST,
            ZoneOffset.UTC,
            (namespace, name) -> drops.incrementAndGet());
  }

  @AfterEach
  void stop() throws IOException {
    loggers.remove("shop", "petstore");
    loggers.close();
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void sendsRfc5424OverUdp() throws Exception {
    receiver = SyslogReceiver.udp();
    loggers.apply(
        integration(
            "shop",
            "petstore",
            LogLevel.Info,
            syslog(receiver.port(), SyslogProtocol.UDP, "local0", SyslogFormat.RFC5424)));

    logGetPet();

    // local0 is facility 16 and INFO is severity 6: PRI = 16 * 8 + 6.
    assertThat(receiver.poll(ARRIVAL))
        .matches(
            "<134>1 "
                + RFC5424_TIME
                + " executor-test integration-executor "
                + PID
                + " - - "
                + quote(CALL_LINE));
    assertThat(receiver.poll(SILENCE)).isNull();
  }

  @Test
  void sendsRfc3164OverUdp() throws Exception {
    receiver = SyslogReceiver.udp();
    loggers.apply(
        integration(
            "shop",
            "petstore",
            LogLevel.Info,
            syslog(receiver.port(), SyslogProtocol.UDP, null, SyslogFormat.RFC3164)));

    loggers.logFailedCall(
        "shop",
        "petstore",
        "getPet",
        "GET",
        "https://api.example.test/pets/7",
        "ConnectionFailed",
        Duration.ofMillis(40));

    // The default facility user is 1 and WARN is severity 4: PRI = 1 * 8 + 4.
    assertThat(receiver.poll(ARRIVAL))
        .matches(
            "<12>"
                + RFC3164_TIME
                + " executor-test integration-executor\\["
                + PID
                + "\\]: "
                + quote(
                    "integration=shop/petstore task=getPet method=GET"
                        + " url=https://api.example.test/pets/7 failed reason=ConnectionFailed"
                        + " durationMs=40"));
    assertThat(receiver.poll(SILENCE)).isNull();
  }

  @Test
  void sendsRfc5424OverTcpWithOctetCounting() throws Exception {
    receiver = SyslogReceiver.tcp();
    loggers.apply(
        integration(
            "shop",
            "petstore",
            LogLevel.Info,
            syslog(receiver.port(), SyslogProtocol.TCP, "auth", SyslogFormat.RFC5424)));

    logGetPet();
    logGetPet();

    // auth is facility 4: PRI = 4 * 8 + 6.
    String expected =
        "<38>1 " + RFC5424_TIME + " executor-test integration-executor " + PID + " - - ";
    assertThat(receiver.poll(ARRIVAL)).matches(expected + quote(CALL_LINE));
    assertThat(receiver.poll(ARRIVAL)).matches(expected + quote(CALL_LINE));
    assertThat(receiver.poll(SILENCE)).isNull();
    assertThat(receiver.framingErrors()).isEmpty();
  }

  @Test
  void sendsRfc3164OverTcp() throws Exception {
    receiver = SyslogReceiver.tcp();
    loggers.apply(
        integration(
            "shop",
            "petstore",
            LogLevel.Info,
            syslog(receiver.port(), SyslogProtocol.TCP, "local7", SyslogFormat.RFC3164)));

    loggers.logger("shop", "petstore").error("token request failed");

    // local7 is facility 23 and ERROR is severity 3: PRI = 23 * 8 + 3.
    assertThat(receiver.poll(ARRIVAL))
        .matches(
            "<187>"
                + RFC3164_TIME
                + " executor-test integration-executor\\["
                + PID
                + "\\]: integration=shop/petstore token request failed");
    assertThat(receiver.framingErrors()).isEmpty();
  }

  @Test
  void levelChangeAppliesWithoutRestart() throws Exception {
    receiver = SyslogReceiver.tcp();
    var syslog = syslog(receiver.port(), SyslogProtocol.TCP, "local0", SyslogFormat.RFC5424);
    loggers.apply(integration("shop", "petstore", LogLevel.Info, syslog));
    org.slf4j.Logger logger = loggers.logger("shop", "petstore");

    logger.debug("first debug line");
    logger.info("first info line");
    loggers.apply(integration("shop", "petstore", LogLevel.Debug, syslog));
    logger.debug("second debug line");

    // TCP keeps the order, so the INFO line arriving first shows the first DEBUG line was dropped.
    assertThat(receiver.poll(ARRIVAL)).endsWith("integration=shop/petstore first info line");
    String debugLine = receiver.poll(ARRIVAL);
    assertThat(debugLine).endsWith("integration=shop/petstore second debug line");
    // DEBUG is severity 7: PRI = 16 * 8 + 7.
    assertThat(debugLine).startsWith("<135>1 ");
    assertThat(receiver.poll(SILENCE)).isNull();
  }

  @Test
  void levelFollowsSpecWithoutSyslog() {
    loggers.apply(integration("shop", "petstore", LogLevel.Error, null));
    org.slf4j.Logger logger = loggers.logger("shop", "petstore");
    assertThat(logger.isWarnEnabled()).isFalse();
    assertThat(logger.isErrorEnabled()).isTrue();

    loggers.apply(integration("shop", "petstore", LogLevel.Trace, null));
    assertThat(logger.isTraceEnabled()).isTrue();

    loggers.apply(integration("shop", "petstore", null, null));
    assertThat(logger.isInfoEnabled()).isTrue();
    assertThat(logger.isDebugEnabled()).isFalse();
  }

  @Test
  void removingSyslogStopsSending() throws Exception {
    receiver = SyslogReceiver.tcp();
    var syslog = syslog(receiver.port(), SyslogProtocol.TCP, "local0", SyslogFormat.RFC5424);
    loggers.apply(integration("shop", "petstore", LogLevel.Info, syslog));
    loggers.logger("shop", "petstore").info("before removal");
    assertThat(receiver.poll(ARRIVAL)).endsWith("before removal");

    loggers.apply(integration("shop", "petstore", LogLevel.Info, null));
    loggers.logger("shop", "petstore").info("after removal");

    assertThat(receiver.poll(SILENCE)).isNull();
    assertThat(logbackLogger().iteratorForAppenders().hasNext()).isFalse();
  }

  @Test
  void removeDetachesAppenderAndClearsLevel() throws Exception {
    receiver = SyslogReceiver.udp();
    var syslog = syslog(receiver.port(), SyslogProtocol.UDP, "local0", SyslogFormat.RFC5424);
    loggers.apply(integration("shop", "petstore", LogLevel.Debug, syslog));

    loggers.remove("shop", "petstore");
    loggers.logger("shop", "petstore").info("after remove");

    assertThat(receiver.poll(SILENCE)).isNull();
    assertThat(logbackLogger().iteratorForAppenders().hasNext()).isFalse();
    assertThat(logbackLogger().getLevel()).isNull();
  }

  @Test
  void changedTargetMovesRecordsToNewServer() throws Exception {
    receiver = SyslogReceiver.udp();
    try (SyslogReceiver second = SyslogReceiver.udp()) {
      loggers.apply(
          integration(
              "shop",
              "petstore",
              LogLevel.Info,
              syslog(receiver.port(), SyslogProtocol.UDP, "local0", SyslogFormat.RFC5424)));
      loggers.apply(
          integration(
              "shop",
              "petstore",
              LogLevel.Info,
              syslog(second.port(), SyslogProtocol.UDP, "local0", SyslogFormat.RFC5424)));

      loggers.logger("shop", "petstore").info("to the second server");

      assertThat(second.poll(ARRIVAL)).endsWith("to the second server");
      assertThat(receiver.poll(SILENCE)).isNull();
      assertThat(appenderCount()).isEqualTo(1);
    }
  }

  @Test
  void unchangedTargetKeepsAppender() throws Exception {
    receiver = SyslogReceiver.tcp();
    var syslog = syslog(receiver.port(), SyslogProtocol.TCP, "local0", SyslogFormat.RFC5424);
    loggers.apply(integration("shop", "petstore", LogLevel.Info, syslog));
    Object first = logbackLogger().iteratorForAppenders().next();

    loggers.apply(integration("shop", "petstore", LogLevel.Debug, syslog));

    assertThat(logbackLogger().iteratorForAppenders().next()).isSameAs(first);
    assertThat(appenderCount()).isEqualTo(1);
  }

  @Test
  void dottedNameGetsItsOwnLogger() throws Exception {
    receiver = SyslogReceiver.udp();
    var syslog = syslog(receiver.port(), SyslogProtocol.UDP, "local0", SyslogFormat.RFC5424);
    loggers.apply(integration("shop", "petstore", LogLevel.Info, syslog));

    // Without the dot mapping, integration.shop.petstore.v2 would be a child of the petstore
    // logger and would inherit its syslog appender.
    loggers.logger("shop", "petstore.v2").info("other integration");

    assertThat(IntegrationLoggers.loggerName("shop", "petstore.v2"))
        .isEqualTo("integration.shop.petstore_v2");
    assertThat(receiver.poll(SILENCE)).isNull();
  }

  private void logGetPet() {
    loggers.logCall(
        integration("shop", "petstore", LogLevel.Info, null),
        "getPet",
        "GET",
        "https://api.example.test/pets/7",
        200,
        Duration.ofMillis(12));
  }

  private Logger logbackLogger() {
    return (Logger) loggers.logger("shop", "petstore");
  }

  private int appenderCount() {
    int count = 0;
    for (var appenders = logbackLogger().iteratorForAppenders(); appenders.hasNext(); ) {
      appenders.next();
      count++;
    }
    return count;
  }

  private static String quote(String text) {
    return java.util.regex.Pattern.quote(text);
  }
}
