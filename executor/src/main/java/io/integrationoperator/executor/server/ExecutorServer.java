package io.integrationoperator.executor.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.integrationoperator.client.envelope.EchoedValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's HTTP server: the task endpoints under {@code /v1}, {@code /healthz}, {@code
 * /readyz} and {@code /metrics}.
 *
 * <p>It uses the JDK's {@code com.sun.net.httpserver}, as the operator's health endpoints do: the
 * executor serves small JSON requests and spends its time waiting on external servers, which a
 * fixed pool of threads handles well, and no further dependency is needed. The pool and its queue
 * are bounded, so a burst of calls cannot start unbounded threads. When the queue is full, the JDK
 * server closes the new connection and keeps serving (checked with OpenJDK 17).
 */
public final class ExecutorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorServer.class);

  /** Maximum request body size: 8 MiB. */
  public static final int MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024;

  /** Requests that may wait for a thread, per thread. */
  private static final int QUEUED_PER_THREAD = 8;

  /**
   * JDK property that turns on TCP_NODELAY for the sockets of com.sun.net.httpserver. Without it a
   * response whose headers and body leave in two writes waits for the client's delayed ACK, which
   * adds about 40 ms to every call (measured in docs/benchmarks.md). The JDK reads it once, when
   * the first HttpServer of the process is created.
   */
  public static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ThreadPoolExecutor pool;

  /**
   * Sets {@link #NO_DELAY_PROPERTY} unless the process set it. Main classes call it before any
   * HttpServer exists, because a later call has no effect.
   */
  public static void enableNoDelay() {
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  private ExecutorServer(HttpServer server, ThreadPoolExecutor pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Starts the server.
   *
   * @param address where to listen; port 0 picks a free port
   * @param threads request threads
   * @param api the task operations
   * @param ready whether the executor is ready, for /readyz
   * @param metrics the metrics in the Prometheus text format, for /metrics
   */
  public static ExecutorServer start(
      InetSocketAddress address,
      int threads,
      TaskApi api,
      BooleanSupplier ready,
      Supplier<String> metrics)
      throws IOException {
    enableNoDelay();
    HttpServer server = HttpServer.create(address, 0);
    ThreadPoolExecutor pool = pool(threads);
    server.setExecutor(pool);
    server.createContext("/healthz", exchange -> JsonResponses.sendText(exchange, 200, "ok"));
    server.createContext("/readyz", exchange -> readiness(exchange, ready));
    server.createContext(
        "/metrics", exchange -> JsonResponses.sendPrometheus(exchange, metrics.get()));
    server.createContext("/v1/", exchange -> route(exchange, api));
    server.createContext("/", ExecutorServer::notFound);
    server.start();
    return new ExecutorServer(server, pool);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private static ThreadPoolExecutor pool(int threads) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * QUEUED_PER_THREAD),
        runnable -> {
          Thread thread = new Thread(runnable, "executor-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  private static void readiness(HttpExchange exchange, BooleanSupplier ready) throws IOException {
    if (ready.getAsBoolean()) {
      JsonResponses.sendText(exchange, 200, "ok");
    } else {
      JsonResponses.sendText(exchange, 503, "informers not synced");
    }
  }

  private static void route(HttpExchange exchange, TaskApi api) throws IOException {
    try {
      dispatch(exchange, api);
    } catch (ApiError e) {
      JsonResponses.sendError(exchange, e);
    } catch (RuntimeException e) {
      LOG.error(
          "Request {} {} failed",
          exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(),
          e);
      JsonResponses.sendError(
          exchange,
          new ApiError(
              500, "InternalError", "The executor failed unexpectedly; see the executor's log."));
    } finally {
      exchange.close();
    }
  }

  private static void dispatch(HttpExchange exchange, TaskApi api) throws IOException, ApiError {
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    boolean integrationPath =
        segments.size() >= 6
            && segments.get(0).equals("v1")
            && segments.get(1).equals("namespaces")
            && segments.get(3).equals("integrations");
    boolean taskPath = integrationPath && segments.size() <= 7 && segments.get(5).equals("tasks");
    boolean probePath = integrationPath && segments.size() == 6 && segments.get(5).equals("probe");
    if (!taskPath && !probePath) {
      notFound(exchange);
      return;
    }
    Optional<String> authorization = header(exchange, "Authorization");
    String namespace = segments.get(2);
    String integration = segments.get(4);
    if (probePath) {
      Optional<byte[]> body =
          requireMethod(exchange, "POST") ? readBody(exchange) : Optional.empty();
      if (body.isPresent()) {
        send(exchange, api.probe(namespace, integration, authorization, body.get()));
      }
      return;
    }
    if (segments.size() == 6) {
      if (requireMethod(exchange, "GET")) {
        JsonResponses.send(exchange, 200, api.listTasks(namespace, integration, authorization));
      }
      return;
    }
    if (!requireMethod(exchange, "POST")) {
      return;
    }
    Optional<ForwardedCall> forwarded =
        ForwardedCall.parse(
            header(exchange, ForwardedCall.FORWARDED_HEADER),
            header(exchange, ForwardedCall.DEADLINE_HEADER));
    Optional<byte[]> body = readBody(exchange);
    if (body.isPresent()) {
      send(
          exchange,
          api.callTask(
              namespace, integration, segments.get(6), authorization, body.get(), forwarded));
    }
  }

  private static Optional<String> header(HttpExchange exchange, String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /** Writes an answer; a body relayed from another executor is written byte for byte. */
  private static void send(HttpExchange exchange, TaskApi.Answer answer) throws IOException {
    if (answer.body() instanceof RelayedBody relayed) {
      JsonResponses.sendBytes(exchange, answer.status(), relayed.contentType(), relayed.bytes());
    } else {
      JsonResponses.send(exchange, answer.status(), answer.body());
    }
  }

  /** Reads the body, or responds 413 and returns empty when it is longer than the limit. */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_REQUEST_BODY_BYTES + 1);
      if (body.length > MAX_REQUEST_BODY_BYTES) {
        JsonResponses.sendError(
            exchange,
            new ApiError(
                413,
                "RequestTooLarge",
                "The request body is longer than the limit of "
                    + MAX_REQUEST_BODY_BYTES
                    + " bytes; send a smaller body."));
        return Optional.empty();
      }
      return Optional.of(body);
    }
  }

  private static boolean requireMethod(HttpExchange exchange, String method) throws IOException {
    if (method.equals(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    JsonResponses.sendError(
        exchange,
        new ApiError(
            405,
            "MethodNotAllowed",
            "This path accepts only "
                + method
                + ", not "
                + EchoedValue.of(exchange.getRequestMethod())
                + "."));
    return false;
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonResponses.sendError(
          exchange,
          new ApiError(
              404,
              "NotFound",
              "No endpoint at "
                  + exchange.getRequestURI().getRawPath()
                  + "; the task endpoints are /v1/namespaces/{namespace}/integrations/{name}/tasks"
                  + " and .../tasks/{task}, and gateway executors serve .../probe."));
    }
  }

  /** Splits a raw path into percent-decoded segments, dropping empty ones. */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        // URLDecoder turns '+' into a space, which a path does not mean, so '+' is kept.
        segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }
}
