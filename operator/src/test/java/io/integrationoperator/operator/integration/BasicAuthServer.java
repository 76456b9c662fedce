package io.integrationoperator.operator.integration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP server on 127.0.0.1 and a free port that responds to every request with 200 and a small JSON
 * body when the request carries the expected Basic credentials, and with 401 otherwise.
 */
final class BasicAuthServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  BasicAuthServer(String username, String password) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          boolean authorised =
              expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              (authorised ? "{\"status\":\"UP\"}" : "{\"message\":\"unauthorized\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Returns the base URL, for example http://127.0.0.1:41234. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Returns how many requests arrived so far. */
  int requestCount() {
    return requests.get();
  }

  /** Returns the method and URI of every request so far, for example "GET /api/pets". */
  List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
