package io.integrationoperator.local.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load generator: {@code concurrency} OkHttp calls are in flight at all times, and
 * each completed call starts the next one until the duration has passed. Each latency is the time
 * from {@code enqueue} to the end of reading the body, recorded in microseconds.
 *
 * <p>The OkHttp dispatcher and connection pool are sized to the concurrency, so every call in
 * flight has its own keep-alive connection. The dispatcher admits twice the concurrency because
 * OkHttp counts a call as running until its callback returns, and the callback enqueues the next
 * call. The loop itself keeps at most {@code concurrency} calls in flight.
 */
final class ClosedLoopLoad implements AutoCloseable {

  /** Highest latency the histogram records: 60 seconds, in microseconds. */
  private static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(60);

  private final OkHttpClient client;
  private final int concurrency;

  ClosedLoopLoad(int concurrency) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(2 * concurrency);
    dispatcher.setMaxRequestsPerHost(2 * concurrency);
    this.client =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
            .callTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
    this.concurrency = concurrency;
  }

  /**
   * Sends {@code request} in a closed loop for {@code duration} and returns the figures. A response
   * counts as failed unless {@code expected} accepts its status and body.
   */
  LoadResult run(Request request, Predicate<ResponseText> expected, Duration duration)
      throws InterruptedException {
    Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
    AtomicLong failures = new AtomicLong();
    CountDownLatch loopsDone = new CountDownLatch(concurrency);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    for (int i = 0; i < concurrency; i++) {
      Loop loop = new Loop(request, expected, deadline, recorder, failures, loopsDone);
      loop.next();
    }
    if (!loopsDone.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls still in flight 60 s after the end of the run");
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Histogram latencies = recorder.getIntervalHistogram();
    return new LoadResult(concurrency, elapsed, latencies, failures.get());
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** Status and body of one response, for the check of the expected response. */
  record ResponseText(int status, String body) {}

  /** One of the {@code concurrency} call chains. */
  private final class Loop implements Callback {
    private final Request request;
    private final Predicate<ResponseText> expected;
    private final long deadline;
    private final Recorder recorder;
    private final AtomicLong failures;
    private final CountDownLatch done;
    private long sentAt;

    Loop(
        Request request,
        Predicate<ResponseText> expected,
        long deadline,
        Recorder recorder,
        AtomicLong failures,
        CountDownLatch done) {
      this.request = request;
      this.expected = expected;
      this.deadline = deadline;
      this.recorder = recorder;
      this.failures = failures;
      this.done = done;
    }

    void next() {
      if (System.nanoTime() >= deadline) {
        done.countDown();
        return;
      }
      sentAt = System.nanoTime();
      client.newCall(request).enqueue(this);
    }

    @Override
    public void onResponse(Call call, Response response) {
      boolean ok;
      try (ResponseBody body = response.body()) {
        ok = expected.test(new ResponseText(response.code(), body.string()));
      } catch (IOException e) {
        ok = false;
      }
      finish(ok);
    }

    @Override
    public void onFailure(Call call, IOException e) {
      finish(false);
    }

    private void finish(boolean ok) {
      recorder.recordValue(
          Math.min(MAX_LATENCY_MICROS, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentAt)));
      if (!ok) {
        failures.incrementAndGet();
      }
      next();
    }
  }
}
