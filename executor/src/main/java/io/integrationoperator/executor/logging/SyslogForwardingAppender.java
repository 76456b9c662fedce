package io.integrationoperator.executor.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the records of one Integration's logger to a syslog server, in RFC 5424 or RFC 3164 format
 * over UDP or TCP.
 *
 * <p>Logback's own {@code SyslogAppender} (1.5) writes only RFC 3164 over UDP, and no Logback
 * appender on Maven Central that supports RFC 5424 over TCP is still released (the
 * syslog-java-client library has had no release since 2019 and integrates with java.util.logging
 * only), so this class is built on {@link UnsynchronizedAppenderBase} with a small encoder and two
 * transports.
 *
 * <p>The logging thread only encodes the record and offers it to a queue of {@value
 * #QUEUE_CAPACITY} messages; one daemon thread per appender sends them. When the queue is full, or
 * the server cannot be reached, records are dropped: each drop is counted and reported to the drop
 * listener, and a WARN line on this class's logger reports the drops at most once per {@link
 * #WARNING_INTERVAL}. After a failed send the sender drops records without trying the server again
 * for a delay that doubles from {@link #FIRST_RETRY_DELAY} up to {@link #MAX_RETRY_DELAY}.
 */
final class SyslogForwardingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  /** Messages that wait for the sender thread; more are dropped. */
  static final int QUEUE_CAPACITY = 1024;

  /** Minimum time between two WARN lines about dropped records. */
  static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

  /** Wait before the first new attempt after a failed send. */
  static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);

  /** Maximum wait between attempts while the server stays unreachable. */
  static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(SyslogForwardingAppender.class);

  private final String integration;
  private final String loggerName;
  private final SyslogTarget target;
  private final SyslogMessageEncoder encoder;
  private final SyslogTransport transport;
  private final Runnable dropListener;
  private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicLong droppedSinceWarning = new AtomicLong();
  private final AtomicLong lastWarningNanos =
      new AtomicLong(System.nanoTime() - WARNING_INTERVAL.toNanos());
  private volatile Thread sender;
  // Only the sender thread reads and writes the retry state.
  private long retryAtNanos = System.nanoTime();
  private String lastFailure;
  private Duration retryDelay = FIRST_RETRY_DELAY;

  /**
   * Creates an appender; {@link #start()} starts its sender thread.
   *
   * @param integration {@code <namespace>/<name>}, used in the thread name and in warnings
   * @param loggerName name of the logger the appender is attached to
   * @param dropListener called once for each dropped record, on any thread
   */
  SyslogForwardingAppender(
      String integration,
      String loggerName,
      SyslogTarget target,
      SyslogMessageEncoder encoder,
      SyslogTransport transport,
      Runnable dropListener) {
    this.integration = integration;
    this.loggerName = loggerName;
    this.target = target;
    this.encoder = encoder;
    this.transport = transport;
    this.dropListener = dropListener;
    setName("syslog " + integration);
  }

  String loggerName() {
    return loggerName;
  }

  SyslogTarget target() {
    return target;
  }

  @Override
  public void start() {
    Thread thread = new Thread(this::sendQueued, "syslog-sender " + integration);
    thread.setDaemon(true);
    sender = thread;
    super.start();
    thread.start();
  }

  /** Stops the sender thread; queued records that were not sent yet are discarded. */
  @Override
  public void stop() {
    super.stop();
    Thread thread = sender;
    if (thread != null) {
      thread.interrupt();
    }
    // Closing the socket also ends a TCP write that blocks because the server stopped reading.
    transport.close();
    queue.clear();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!queue.offer(encoder.encode(event))) {
      drop("the queue of " + QUEUE_CAPACITY + " records waiting for the server is full");
    }
  }

  private void sendQueued() {
    try {
      while (isStarted()) {
        byte[] message = queue.poll(1, TimeUnit.SECONDS);
        if (message != null) {
          sendOrDrop(message);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      transport.close();
    }
  }

  private void sendOrDrop(byte[] message) {
    if (System.nanoTime() - retryAtNanos < 0) {
      drop(
          "the last send failed less than "
              + MAX_RETRY_DELAY.toSeconds()
              + " s ago: "
              + lastFailure);
      return;
    }
    try {
      transport.send(message);
      retryDelay = FIRST_RETRY_DELAY;
    } catch (IOException e) {
      if (!isStarted()) {
        return;
      }
      retryAtNanos = System.nanoTime() + retryDelay.toNanos();
      lastFailure = e.toString();
      drop("sending failed: " + lastFailure);
      Duration doubled = retryDelay.multipliedBy(2);
      retryDelay = doubled.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : doubled;
    }
  }

  private void drop(String cause) {
    droppedSinceWarning.incrementAndGet();
    dropListener.run();
    long last = lastWarningNanos.get();
    long now = System.nanoTime();
    if (now - last >= WARNING_INTERVAL.toNanos() && lastWarningNanos.compareAndSet(last, now)) {
      LOG.warn(
          "Dropped {} syslog records of Integration {} for {}: {}. Records are dropped while the"
              + " syslog server is unreachable or slow; check spec.logging.syslog and the server.",
          droppedSinceWarning.getAndSet(0),
          integration,
          target,
          cause);
    }
  }
}
