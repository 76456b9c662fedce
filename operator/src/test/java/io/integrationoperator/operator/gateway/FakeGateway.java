package io.integrationoperator.operator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Gateway executor's probe endpoint on 127.0.0.1 and a free port. It records every request and
 * responds with 200 and a successful probe outcome for the generation the request names.
 */
final class FakeGateway implements AutoCloseable {
  /** Message of the outcome the fake returns. */
  static final String MESSAGE = "GET http://api.example.test/api returned 200 OK.";

  /** One received request. */
  record Received(String method, String path, String body, Optional<String> authorization) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  FakeGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  body,
                  Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
          JsonNode request = Serialization.jsonMapper().readTree(body);
          byte[] answer = answer(request.path("generation").asLong());
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  private static byte[] answer(long generation) {
    String json =
        """
        {"observedGeneration": %d,
         "outcome": {"reason": "ProbeSucceeded", "message": "%s", "connected": true},
         "lastProbe": {"time": "2026-01-02T03:04:05Z", "duration": "7ms",
                       "response": {"ok": true, "method": "GET",
                                    "url": "http://api.example.test/api", "status": 200}}}
        """
            .formatted(generation, MESSAGE);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
