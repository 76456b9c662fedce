package io.integrationoperator.operator.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * HTTP endpoints for the kubelet's probes: {@code /healthz} (liveness) returns 200 while the
 * process serves requests, {@code /readyz} (readiness) returns 200 once the operator has started
 * and every event source is healthy, and 503 naming the unhealthy event sources otherwise.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the endpoints on the given address; port 0 picks a free port.
   *
   * @param runtimeInfo supplies the operator's state on each request
   */
  public static HealthServer start(InetSocketAddress address, Supplier<RuntimeInfo> runtimeInfo)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/healthz", exchange -> respond(exchange, 200, "ok"));
    server.createContext("/readyz", exchange -> respondReadiness(exchange, runtimeInfo.get()));
    server.start();
    return new HealthServer(server);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void respondReadiness(HttpExchange exchange, RuntimeInfo info) throws IOException {
    if (!info.isStarted()) {
      respond(exchange, 503, "operator not started");
    } else if (!info.allEventSourcesAreHealthy()) {
      respond(exchange, 503, "unhealthy event sources: " + info.unhealthyEventSources().keySet());
    } else {
      respond(exchange, 200, "ok");
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
