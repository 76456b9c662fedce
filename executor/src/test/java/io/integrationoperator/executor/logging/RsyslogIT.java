package io.integrationoperator.executor.logging;

import static io.integrationoperator.executor.logging.TestIntegrations.integration;
import static io.integrationoperator.executor.logging.TestIntegrations.syslog;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.integrationoperator.api.integration.LogLevel;
import io.integrationoperator.api.integration.SyslogFormat;
import io.integrationoperator.api.integration.SyslogProtocol;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** A real rsyslogd parses what the executor sends, in both formats and over both transports. */
@Tag("real-server")
class RsyslogIT {

  private static final Duration ARRIVAL = Duration.ofSeconds(10);
  private static final long PID = ProcessHandle.current().pid();

  @TempDir static Path directory;

  private static RsyslogServer rsyslog;

  private IntegrationLoggers loggers;

  @BeforeAll
  static void startRsyslog() throws Exception {
    rsyslog = RsyslogServer.start(directory);
  }

  @AfterAll
  static void stopRsyslog() throws Exception {
    if (rsyslog != null) {
      rsyslog.close();
    }
  }

  @BeforeEach
  void createLoggers() {
    loggers =
        new IntegrationLoggers(
            (LoggerContext) LoggerFactory.getILoggerFactory(),
            "executor-test",
            ZoneOffset.UTC,
            SyslogDropListener.NONE);
  }

  @AfterEach
  void stop() {
    loggers.remove("shop", "petstore");
    loggers.close();
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({
    "RFC5424, UDP, local0, 134, 1",
    "RFC5424, TCP, local3, 158, 1",
    "RFC3164, UDP, user, 14, 0",
    "RFC3164, TCP, daemon, 30, 0"
  })
  void rsyslogParsesEveryField(
      SyslogFormat format, SyslogProtocol protocol, String facility, int pri, int version)
      throws Exception {
    int before = rsyslog.lines(IntegrationLoggers.APP_NAME).size();
    int port = protocol == SyslogProtocol.UDP ? rsyslog.udpPort() : rsyslog.tcpPort();
    loggers.apply(
        integration("shop", "petstore", LogLevel.Info, syslog(port, protocol, facility, format)));

    String text = "task=getPet method=GET url=https://api.example.test/pets/7 " + format + protocol;
    loggers.logger("shop", "petstore").info(text);

    List<String> lines = rsyslog.awaitLines(IntegrationLoggers.APP_NAME, before + 1, ARRIVAL);
    assertThat(lines).hasSize(before + 1);
    String[] fields = lines.get(before).split("\\|", 6);
    assertThat(fields[0]).isEqualTo(Integer.toString(pri));
    assertThat(fields[1]).isEqualTo(Integer.toString(version));
    assertThat(fields[2]).isEqualTo("executor-test");
    assertThat(fields[3]).isEqualTo("integration-executor");
    assertThat(fields[4]).isEqualTo(Long.toString(PID));
    // rsyslog keeps the space after the RFC 3164 tag as part of the message.
    assertThat(fields[5].strip()).isEqualTo("integration=shop/petstore " + text);
  }
}
