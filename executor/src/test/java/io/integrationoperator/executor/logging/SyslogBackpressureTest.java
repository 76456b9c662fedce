package io.integrationoperator.executor.logging;

import static io.integrationoperator.executor.logging.TestIntegrations.integration;
import static io.integrationoperator.executor.logging.TestIntegrations.syslog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.integrationoperator.api.integration.LogLevel;
import io.integrationoperator.api.integration.SyslogFormat;
import io.integrationoperator.api.integration.SyslogProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging stays fast, and records are dropped and counted, when the syslog server fails. */
class SyslogBackpressureTest {

  /**
   * Bound on one logging call. The call only encodes the record and offers it to a queue, which
   * takes microseconds. A call that waited for the server would block until the test ends. The
   * margin covers garbage collection pauses on a busy machine.
   */
  private static final Duration MAX_CALL = Duration.ofMillis(500);

  private static final int RECORDS = 3000;

  private final AtomicInteger drops = new AtomicInteger();
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private IntegrationLoggers loggers;

  @BeforeEach
  void createLoggers() {
    loggers =
        new IntegrationLoggers(
            context, "executor-test", ZoneOffset.UTC, (namespace, name) -> drops.incrementAndGet());
    warnings.setContext(context);
    warnings.start();
    context.getLogger(SyslogForwardingAppender.class).addAppender(warnings);
  }

  @AfterEach
  void stop() {
    context.getLogger(SyslogForwardingAppender.class).detachAppender(warnings);
    loggers.remove("shop", "petstore");
    loggers.close();
  }

  @Test
  void closedTcpPortDoesNotBlockLogging() throws Exception {
    int port = closedPort();
    applyTcpSyslog(port);
    // One record first, so the first warning reports the refused connection and not a full queue.
    loggers.logger("shop", "petstore").info("first record");
    await().atMost(Duration.ofSeconds(5)).until(() -> drops.get() == 1);

    Duration slowest = logRecords(RECORDS, "listItems");

    assertThat(slowest).isLessThan(MAX_CALL);
    await().atMost(Duration.ofSeconds(10)).until(() -> drops.get() == RECORDS + 1);
    // The first drop warns at once, later ones wait for the warning interval.
    assertThat(warnings.list).hasSize(1);
    assertThat(warnings.list.get(0).getFormattedMessage())
        .startsWith("Dropped 1 syslog records of Integration shop/petstore for 127.0.0.1:" + port)
        .contains("Connection refused");
  }

  @Test
  void stalledTcpServerDoesNotBlockLogging() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.setReceiveBufferSize(4096);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      applyTcpSyslog(server.getLocalPort());
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = acceptWithoutReading(server, accepted);

      // 3000 records of 4 KiB exceed the socket buffers, so the sender blocks in write.
      Duration slowest = logRecords(RECORDS, "x".repeat(4096));

      assertThat(slowest).isLessThan(MAX_CALL);
      await().atMost(Duration.ofSeconds(10)).until(() -> drops.get() > 0);
      assertThat(warnings.list.get(0).getFormattedMessage()).contains("queue of 1024 records");

      long start = System.nanoTime();
      loggers.remove("shop", "petstore");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      await().atMost(Duration.ofSeconds(5)).until(() -> !senderThreadAlive());
      acceptor.interrupt();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void resumesSendingWhenServerComesBack() throws Exception {
    int port = closedPort();
    applyTcpSyslog(port);
    loggers.logger("shop", "petstore").info("while down");
    await().atMost(Duration.ofSeconds(5)).until(() -> drops.get() == 1);

    try (SyslogReceiver receiver = SyslogReceiver.tcpOn(port)) {
      // Records sent during the retry delay are dropped, so log until one arrives.
      String received = null;
      for (int i = 0; i < 50 && received == null; i++) {
        loggers.logger("shop", "petstore").info("after restart {}", i);
        received = receiver.poll(Duration.ofMillis(100));
      }
      assertThat(received).contains("integration=shop/petstore after restart");
    }
  }

  private void applyTcpSyslog(int port) {
    loggers.apply(
        integration(
            "shop",
            "petstore",
            LogLevel.Info,
            syslog(port, SyslogProtocol.TCP, "local0", SyslogFormat.RFC5424)));
  }

  /** Logs {@code count} task calls and returns the duration of the slowest {@code logCall}. */
  private Duration logRecords(int count, String task) {
    Logger logger = (Logger) loggers.logger("shop", "petstore");
    // Keep the test output short: the records go to the syslog appender only.
    logger.setAdditive(false);
    long slowest = 0;
    try {
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        loggers.logCall(
            "shop",
            "petstore",
            task,
            "GET",
            "https://api.example.test/items/" + i,
            200,
            Duration.ofMillis(3));
        slowest = Math.max(slowest, System.nanoTime() - start);
      }
    } finally {
      logger.setAdditive(true);
    }
    return Duration.ofNanos(slowest);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Thread acceptWithoutReading(ServerSocket server, List<Socket> accepted) {
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket socket = server.accept();
                  socket.setReceiveBufferSize(4096);
                  synchronized (accepted) {
                    accepted.add(socket);
                  }
                }
              } catch (IOException e) {
                // The test closed the server.
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static boolean senderThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("syslog-sender shop/petstore") && t.isAlive());
  }
}
