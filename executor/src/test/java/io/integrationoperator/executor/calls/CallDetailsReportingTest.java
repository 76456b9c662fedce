package io.integrationoperator.executor.calls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.executor.logging.CallDetails;
import io.integrationoperator.executor.logging.IntegrationLoggers;
import io.integrationoperator.executor.logging.SyslogDropListener;
import io.integrationoperator.executor.metrics.ExecutorMetrics;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that the observer asks for and logs call details only at the levels that show them. */
class CallDetailsReportingTest {

  private final LoggerContext context = new LoggerContext();
  private final IntegrationLoggers loggers =
      new IntegrationLoggers(context, "executor-test", ZoneOffset.UTC, SyslogDropListener.NONE);
  private final ReportingCallObserver observer =
      new ReportingCallObserver(loggers, ExecutorMetrics.prometheus((ns, name) -> true));

  @Test
  void detailsAreWantedFromDebugOn() {
    Logger logger = (Logger) loggers.logger("shop", "petstore");

    logger.setLevel(Level.INFO);
    assertThat(observer.wantsDetails("shop", "petstore")).isFalse();

    logger.setLevel(Level.DEBUG);
    assertThat(observer.wantsDetails("shop", "petstore")).isTrue();
  }

  @Test
  void traceLogsMaskedBodies() {
    Logger logger = (Logger) loggers.logger("shop", "petstore");
    logger.setLevel(Level.TRACE);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);

    observer.callDetails(
        "shop",
        "petstore",
        "echo",
        new CallDetails(
            "POST",
            "https://api.example.test/echo",
            Map.of("Content-Type", "application/json"),
            "{\"note\":\"hello\"}",
            200,
            Map.of("Content-Type", "application/json"),
            "{\"seen\":\"S3cr3tPassw0rd!\"}"),
        CredentialRedaction.of(Map.of("password", "S3cr3tPassw0rd!")));

    String logged =
        String.join("\n", events.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    assertThat(logged).contains("{\"note\":\"hello\"}");
    assertThat(logged).contains("{\"seen\":\"****\"}");
    assertThat(logged).doesNotContain("S3cr3tPassw0rd!");
  }
}
