package io.integrationoperator.local.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The external API that the benchmark's Integrations probe: an HTTP server on 127.0.0.1 that
 * requires HTTP Basic authentication and returns a small JSON body on every path. It counts the
 * requests it receives and how many of them carried the expected credentials.
 */
final class TargetServer implements AutoCloseable {

  /** Loopback address the server binds to. */
  static final String HOST = "127.0.0.1";

  private static final byte[] OK_BODY = "{\"status\":\"up\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNAUTHORIZED_BODY =
      "{\"error\":\"invalid credentials\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] expectedAuthorization;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong authenticated = new AtomicLong();

  private TargetServer(HttpServer server, ExecutorService executor, String username, String pass) {
    this.server = server;
    this.executor = executor;
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + pass).getBytes(StandardCharsets.UTF_8));
    this.expectedAuthorization = ("Basic " + token).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Starts a server on a free port of 127.0.0.1.
   *
   * @param threads number of threads that handle requests
   */
  static TargetServer start(String username, String password, int threads) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(threads, TargetServer::daemonThread);
    TargetServer target = new TargetServer(server, executor, username, password);
    server.createContext("/", target::handle);
    server.setExecutor(executor);
    server.start();
    return target;
  }

  /** Returns the bound port. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Returns the number of requests received so far. */
  long requests() {
    return requests.get();
  }

  /** Returns the number of requests received so far with the expected Basic credentials. */
  long authenticatedRequests() {
    return authenticated.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      boolean valid =
          header != null
              && MessageDigest.isEqual(
                  header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
      byte[] body = valid ? OK_BODY : UNAUTHORIZED_BODY;
      if (valid) {
        authenticated.incrementAndGet();
      } else {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"benchmark\"");
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(valid ? 200 : 401, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemonThread(Runnable runnable) {
    Thread thread = new Thread(runnable, "benchmark-target");
    thread.setDaemon(true);
    return thread;
  }
}
