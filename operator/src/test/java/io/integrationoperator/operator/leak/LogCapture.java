package io.integrationoperator.operator.leak;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Raises the root logger and every logger that the Logback configuration names to DEBUG and keeps
 * each record as text: logger, level, formatted message, MDC and the full stack trace of its
 * throwable. The text is built when the record is appended, on the logging thread, so the MDC is
 * the one of that thread. {@link #close()} restores the levels and the console appenders.
 *
 * <p>Logback's TurboFilters still run before the level check, so a filter of the product's
 * configuration that denies a record keeps denying it here.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  /**
   * Logger name prefix of the fabric8 mock API server, which replaces the Kubernetes API server in
   * the test JVM and logs each stored object, Secrets included, at DEBUG.
   */
  static final String MOCK_API_SERVER = "io.fabric8.kubernetes.client.server.mock";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<String> mockServerLines = new CopyOnWriteArrayList<>();
  private final Map<Logger, Level> previousLevels = new HashMap<>();
  private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
  private final Logger root;

  private LogCapture(LoggerContext context) {
    setContext(context);
    setName("credential-leak-capture");
    root = context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  /** Starts capturing with every configured logger at DEBUG and the console appenders detached. */
  static LogCapture begin() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogCapture capture = new LogCapture(context);
    for (Logger logger : context.getLoggerList()) {
      if (logger.getLevel() != null) {
        capture.previousLevels.put(logger, logger.getLevel());
        logger.setLevel(Level.DEBUG);
      }
    }
    // The root logger is in the list, with the level the configuration gives it.
    capture.start();
    for (Iterator<Appender<ILoggingEvent>> it = capture.root.iteratorForAppenders();
        it.hasNext(); ) {
      capture.detached.add(it.next());
    }
    // At DEBUG the console would print some hundred thousand lines; the capture keeps them all.
    capture.detached.forEach(capture.root::detachAppender);
    capture.root.addAppender(capture);
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder()
            .append(event.getLevel())
            .append(' ')
            .append(event.getLoggerName())
            .append(' ')
            .append(event.getFormattedMessage())
            .append(" MDC=")
            .append(event.getMDCPropertyMap());
    if (event.getThrowableProxy() != null) {
      line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    (event.getLoggerName().startsWith(MOCK_API_SERVER) ? mockServerLines : lines)
        .add(line.toString());
  }

  /** Returns the records of the mock API server, which are not the product's. */
  List<String> mockServerLines() {
    return List.copyOf(mockServerLines);
  }

  /** Returns the records captured so far except the mock API server's, oldest first. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Returns how many records were captured so far. */
  int size() {
    return lines.size();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    detached.forEach(root::addAppender);
    previousLevels.forEach(Logger::setLevel);
    stop();
  }
}
