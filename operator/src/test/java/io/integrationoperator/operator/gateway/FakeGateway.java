package io.integrationoperator.operator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gateway executor's probe endpoint on 127.0.0.1 and a free port. It records every request and by
 * default responds at once with 200 and a successful probe outcome for the generation the request
 * names; {@link #answer} sets another answer for the Integrations of one namespace.
 */
final class FakeGateway implements AutoCloseable {
  /** Message of the outcome the fake returns. */
  static final String MESSAGE = "GET http://api.example.test/api returned 200 OK.";

  /** One received request. */
  record Received(String method, String path, String body, Optional<String> authorization) {}

  /**
   * How the fake answers.
   *
   * @param delay time before the answer
   * @param generation observedGeneration to answer with; null for the requested generation
   * @param reason outcome reason
   * @param message outcome message
   * @param connected outcome connected
   */
  record Answer(Duration delay, Long generation, String reason, String message, boolean connected) {
    static final Answer SUCCESS = new Answer(Duration.ZERO, null, "ProbeSucceeded", MESSAGE, true);
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> notServed = new ConcurrentHashMap<>();

  FakeGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  path,
                  body,
                  Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
          String namespace = path.split("/")[3];
          AtomicInteger refusals = notServed.get(namespace);
          if (refusals != null && refusals.getAndDecrement() > 0) {
            refuse(exchange);
            return;
          }
          Answer answer = answers.getOrDefault(namespace, Answer.SUCCESS);
          sleep(answer.delay());
          JsonNode request = Serialization.jsonMapper().readTree(body);
          byte[] json = json(answer, request.path("generation").asLong());
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          try {
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(json);
            }
          } catch (IOException e) {
            // The operator gave up waiting and closed the connection.
          }
        });
    server.start();
  }

  /** Answers the probe requests for Integrations in {@code namespace} with {@code answer}. */
  void answer(String namespace, Answer answer) {
    answers.put(namespace, answer);
  }

  /**
   * Answers the first {@code times} probe requests for {@code namespace} with the executor's 409
   * for an Integration whose cluster it does not serve.
   */
  void refuseFirst(String namespace, int times) {
    notServed.put(namespace, new AtomicInteger(times));
  }

  private static void refuse(HttpExchange exchange) throws IOException {
    byte[] json =
        "{\"error\":\"not served\",\"reason\":\"NotInGatewayCluster\"}"
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(409, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] json(Answer answer, long requested) {
    String json =
        """
        {"observedGeneration": %d,
         "outcome": {"reason": "%s", "message": "%s", "connected": %b},
         "lastProbe": {"time": "2026-01-02T03:04:05Z", "duration": "7ms",
                       "response": {"ok": true, "method": "GET",
                                    "url": "http://api.example.test/api", "status": 200}}}
        """
            .formatted(
                answer.generation() == null ? requested : answer.generation(),
                answer.reason(),
                answer.message(),
                answer.connected());
    return json.getBytes(StandardCharsets.UTF_8);
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Returns the requests for Integrations in {@code namespace}. */
  List<Received> received(String namespace) {
    return received.stream()
        .filter(r -> r.path().startsWith("/v1/namespaces/" + namespace + "/"))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
