package io.integrationoperator.executor.logging;

import static io.integrationoperator.executor.logging.TestIntegrations.integration;
import static io.integrationoperator.executor.logging.TestIntegrations.syslog;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.integrationoperator.api.integration.LogLevel;
import io.integrationoperator.api.integration.SyslogFormat;
import io.integrationoperator.api.integration.SyslogProtocol;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.envelope.UrlRedaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A credential value never appears in what the Integration's logger emits. */
class CredentialLeakTest {

  private static final String MARKER = "leak-marker-5f1c9e";
  private static final Duration ARRIVAL = Duration.ofSeconds(5);
  private static final Duration SILENCE = Duration.ofMillis(500);

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final CredentialRedaction redaction =
      CredentialRedaction.of(
          Map.of(
              CredentialKeys.API_KEY, MARKER,
              CredentialKeys.USERNAME, "alice",
              CredentialKeys.PASSWORD, MARKER));
  private IntegrationLoggers loggers;
  private SyslogReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    loggers = new IntegrationLoggers(context, "executor-test", ZoneOffset.UTC, (ns, n) -> {});
    receiver = SyslogReceiver.tcp();
    events.setContext(context);
    events.start();
    logbackLogger().addAppender(events);
  }

  @AfterEach
  void stop() throws Exception {
    logbackLogger().detachAppender(events);
    loggers.remove("vault", "billing");
    loggers.close();
    receiver.close();
  }

  @Test
  void infoLinesCarryNoCredential() throws Exception {
    applyLevel(LogLevel.Info);

    logEveryKindOfLine();

    List<String> lines = emittedLines(2);
    assertThat(lines).hasSize(4);
    assertThat(lines).noneMatch(line -> line.contains(MARKER));
    assertThat(lines).noneMatch(line -> line.contains(basicCredentials()));
    assertThat(events.list.get(0).getFormattedMessage())
        .isEqualTo(
            "task=listInvoices method=GET url=https://api.example.test/invoices?api_key=****&page=2"
                + " status=200 durationMs=31");
    assertThat(events.list.get(1).getFormattedMessage())
        .isEqualTo(
            "task=listInvoices method=GET url=https://api.example.test/invoices failed"
                + " reason=Timeout durationMs=30000");
  }

  @Test
  void traceLinesMaskCredentials() throws Exception {
    applyLevel(LogLevel.Trace);

    logEveryKindOfLine();

    List<String> lines = emittedLines(6);
    assertThat(lines).hasSize(12);
    assertThat(lines).noneMatch(line -> line.contains(MARKER));
    assertThat(lines).noneMatch(line -> line.contains(basicCredentials()));
    assertThat(events.list.get(2).getFormattedMessage())
        .isEqualTo(
            "task=listInvoices request method=GET url=https://api.example.test/invoices"
                + " headers={Authorization=****, X-Trace=****, Accept=application/json}");
    assertThat(events.list.get(3).getFormattedMessage())
        .isEqualTo(
            "task=listInvoices response status=200 headers={Set-Cookie=****,"
                + " X-Echo=Basic ****}");
    assertThat(events.list.get(4).getFormattedMessage())
        .isEqualTo("task=listInvoices request body={\"key\":\"****\"}");
    assertThat(events.list.get(5).getFormattedMessage())
        .isEqualTo("task=listInvoices response body={\"echo\":\"****\"}");
  }

  private void logEveryKindOfLine() {
    HttpUrl url = HttpUrl.get("https://api.example.test/invoices?api_key=" + MARKER + "&page=2");
    loggers.logCall(
        integration("vault", "billing", LogLevel.Info, null),
        "listInvoices",
        "GET",
        UrlRedaction.redact(url, Set.of("api_key")),
        200,
        Duration.ofMillis(31));
    // User information left in a URL by mistake is removed before logging.
    loggers.logFailedCall(
        "vault",
        "billing",
        "listInvoices",
        "GET",
        "https://alice:" + MARKER + "@api.example.test/invoices",
        "Timeout",
        Duration.ofSeconds(30));
    loggers.logCallDetails("vault", "billing", "listInvoices", details(), redaction);
  }

  private static CallDetails details() {
    Map<String, String> requestHeaders = new LinkedHashMap<>();
    requestHeaders.put("Authorization", "Bearer " + MARKER);
    requestHeaders.put("X-Trace", MARKER);
    requestHeaders.put("Accept", "application/json");
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    responseHeaders.put("Set-Cookie", "session=" + MARKER);
    responseHeaders.put("X-Echo", "Basic " + basicCredentials());
    return new CallDetails(
        "GET",
        "https://api.example.test/invoices",
        requestHeaders,
        "{\"key\":\"" + MARKER + "\"}",
        200,
        responseHeaders,
        "{\"echo\":\"" + MARKER + "\"}");
  }

  private static String basicCredentials() {
    return Base64.getEncoder().encodeToString(("alice:" + MARKER).getBytes(StandardCharsets.UTF_8));
  }

  private void applyLevel(LogLevel level) {
    loggers.apply(
        integration(
            "vault",
            "billing",
            level,
            syslog(receiver.port(), SyslogProtocol.TCP, "local0", SyslogFormat.RFC5424)));
  }

  /** Returns the formatted messages of the logger's events followed by the syslog lines. */
  private List<String> emittedLines(int syslogLines) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    events.list.forEach(event -> lines.add(event.getFormattedMessage()));
    for (int i = 0; i < syslogLines; i++) {
      lines.add(receiver.poll(ARRIVAL));
    }
    assertThat(receiver.poll(SILENCE)).isNull();
    assertThat(lines).doesNotContainNull();
    return lines;
  }

  private Logger logbackLogger() {
    return (Logger) loggers.logger("vault", "billing");
  }
}
