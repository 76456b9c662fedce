package io.integrationoperator.executor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.integrationoperator.api.integration.LogLevel;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegrationLoggersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://alice:secret@api.example.test/pets, https://api.example.test/pets",
    "https://token@api.example.test/pets?x=a@b, https://api.example.test/pets?x=a@b",
    "https://api.example.test/pets?mail=a@b.test, https://api.example.test/pets?mail=a@b.test",
    "http://api.example.test:8080/v1, http://api.example.test:8080/v1"
  })
  void userInfoIsRemovedFromUrl(String url, String expected) {
    assertThat(IntegrationLoggers.withoutUserInfo(url)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"Error, ERROR", "Warn, WARN", "Info, INFO", "Debug, DEBUG", "Trace, TRACE"})
  void specLevelMapsToLogbackLevel(LogLevel level, String expected) {
    assertThat(IntegrationLoggers.level(level)).isEqualTo(Level.toLevel(expected));
  }

  @Test
  void unsetLevelIsInfo() {
    assertThat(IntegrationLoggers.level(null)).isEqualTo(Level.INFO);
  }

  @Test
  void detailsWithoutRedactionMaskCredentialHeaders() {
    LoggerContext context = new LoggerContext();
    IntegrationLoggers loggers =
        new IntegrationLoggers(context, "executor-test", ZoneOffset.UTC, SyslogDropListener.NONE);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Logger logger = (Logger) loggers.logger("shop", "petstore");
    logger.addAppender(events);
    logger.setLevel(Level.DEBUG);

    loggers.logCallDetails(
        "shop",
        "petstore",
        "getPet",
        new CallDetails(
            "GET",
            "https://api.example.test/pets/7",
            Map.of("authorization", "Bearer abc.def"),
            null,
            200,
            Map.of("Content-Type", "application/json"),
            "{}"),
        null);

    assertThat(events.list).hasSize(2);
    assertThat(events.list.get(0).getFormattedMessage())
        .isEqualTo(
            "task=getPet request method=GET url=https://api.example.test/pets/7"
                + " headers={authorization=****}");
    assertThat(events.list.get(1).getFormattedMessage())
        .isEqualTo("task=getPet response status=200 headers={Content-Type=application/json}");
  }

  @Test
  void forwardedCallWithoutExecutorLogsNone() {
    LoggerContext context = new LoggerContext();
    IntegrationLoggers loggers =
        new IntegrationLoggers(context, "executor-test", ZoneOffset.UTC, SyslogDropListener.NONE);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Logger logger = (Logger) loggers.logger("shop", "petstore");
    logger.addAppender(events);

    loggers.logForwardedCall(
        "shop", "petstore", "getPet", "edge-1", "", "no_ready_executor", 503, Duration.ofMillis(4));
    loggers.logForwardedCall(
        "shop", "petstore", "getPet", "edge-1", "10.0.0.7:8080", "answered", 200, Duration.ZERO);

    assertThat(events.list).hasSize(2);
    assertThat(events.list.get(0).getFormattedMessage())
        .isEqualTo(
            "task=getPet forwarded to gateway cluster=edge-1 executor=none"
                + " outcome=no_ready_executor status=503 durationMs=4");
    assertThat(events.list.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(events.list.get(1).getFormattedMessage())
        .isEqualTo(
            "task=getPet forwarded to gateway cluster=edge-1 executor=10.0.0.7:8080"
                + " outcome=answered status=200 durationMs=0");
  }
}
