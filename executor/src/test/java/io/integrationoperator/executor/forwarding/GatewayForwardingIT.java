package io.integrationoperator.executor.forwarding;

import static io.integrationoperator.executor.forwarding.GatewayCluster.createEndpoint;
import static io.integrationoperator.executor.forwarding.GatewayCluster.createIntegration;
import static io.integrationoperator.executor.forwarding.GatewayCluster.createService;
import static io.integrationoperator.executor.forwarding.GatewayCluster.integration;
import static io.integrationoperator.executor.forwarding.GatewayCluster.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.integrationoperator.executor.Executor;
import io.integrationoperator.executor.ExecutorMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks how a sidecar forwards calls to a gateway cluster and how executors guard against calls
 * they do not serve, against the fabric8 mock API server in CRUD mode. The gateway executor here is
 * a recording HTTP server on 127.0.0.1, so that the test sees exactly what a gateway receives;
 * GatewayForwardingNginxIT runs the whole path through a real gateway executor to nginx.
 */
@EnableKubernetesMockClient(crud = true)
class GatewayForwardingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EDGE_1 = "{executionMode: ClusterNoProxy, cluster: edge-1}";
  private static final String CALL_BODY = "{\"parameters\": {\"petId\": 1}}";

  KubernetesMockServer server;
  KubernetesClient client;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> started = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : started) {
      closeable.close();
    }
  }

  @Test
  void forwardsHeadersAndRelaysAnswer() throws Exception {
    Map<String, String> received = new ConcurrentHashMap<>();
    HttpServer gateway =
        fakeGateway(
            exchange -> {
              received.put("method", exchange.getRequestMethod());
              received.put("path", exchange.getRequestURI().getRawPath());
              received.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
              received.put(
                  "forwarded",
                  exchange.getRequestHeaders().getFirst("X-Integration-Operator-Forwarded"));
              received.put(
                  "deadline",
                  exchange.getRequestHeaders().getFirst("X-Integration-Operator-Deadline-Ms"));
              received.put(
                  "body",
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
              answer(exchange, 418, "{ \"relayed\" :true }");
            });
    createIntegration(client, integration("http://127.0.0.1:1/api", EDGE_1, "timeout: 5s"));
    createService(client, "edge-1");
    createEndpoint(client, "edge-1", gateway.getAddress().getPort(), true);
    Executor sidecar = sidecar();

    HttpResponse<String> answer = call(sidecar, Optional.of("Bearer caller-token"), Map.of());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(418);
    assertThat(answer.body()).isEqualTo("{ \"relayed\" :true }");
    assertThat(received)
        .containsEntry("method", "POST")
        .containsEntry("path", "/v1/namespaces/shop/integrations/pets/tasks/getPet")
        .containsEntry("authorization", "Bearer caller-token")
        .containsEntry("forwarded", "sidecar")
        .containsEntry("body", CALL_BODY);
    assertThat(Long.parseLong(received.get("deadline"))).isBetween(4000L, 5000L);
    assertThat(metrics(sidecar))
        .contains(
            "integration_operator_executor_forwarded_calls_total{cluster=\"edge-1\","
                + "outcome=\"answered\"} 1.0");
  }

  @Test
  void answersGatewayUnavailableWithoutService() throws Exception {
    createIntegration(client, integration("http://127.0.0.1:1/api", EDGE_1, ""));
    Executor sidecar = sidecar();

    HttpResponse<String> answer = call(sidecar, Optional.empty(), Map.of());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"reason\": \"GatewayUnavailable\", \"error\": \"Gateway cluster edge-1 has no"
                    + " Service labelled integration-operator.io/gateway-cluster=edge-1 in"
                    + " namespace gateways; deploy that gateway pool or route the Integration to"
                    + " an existing cluster.\"}"));
    assertThat(metrics(sidecar))
        .contains(
            "integration_operator_executor_forwarded_calls_total{cluster=\"edge-1\","
                + "outcome=\"no_ready_executor\"} 1.0");
  }

  @Test
  void answersGatewayUnavailableWithoutReadyEndpoint() throws Exception {
    createIntegration(client, integration("http://127.0.0.1:1/api", EDGE_1, ""));
    createService(client, "edge-1");
    createEndpoint(client, "edge-1", 8080, false);
    Executor sidecar = sidecar();

    HttpResponse<String> answer = call(sidecar, Optional.empty(), Map.of());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"reason\": \"GatewayUnavailable\", \"error\": \"Gateway cluster edge-1 has no"
                    + " ready executor (Service edge-1 in namespace gateways has no ready"
                    + " endpoint); check the gateway executors' pods and readiness.\"}"));
  }

  @Test
  void answersBadGatewayWhenExecutorRefusesConnection() throws Exception {
    int closed = closedPort();
    createIntegration(client, integration("http://127.0.0.1:1/api", EDGE_1, ""));
    createService(client, "edge-1");
    createEndpoint(client, "edge-1", closed, true);
    Executor sidecar = sidecar();

    HttpResponse<String> answer = call(sidecar, Optional.empty(), Map.of());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                ("{\"reason\": \"GatewayUnavailable\", \"error\": \"Executor 127.0.0.1:%d of"
                        + " gateway cluster edge-1 could not be reached (Failed to connect to"
                        + " /127.0.0.1:%d); check the gateway executors' pods and the network"
                        + " between the namespaces.\"}")
                    .formatted(closed, closed)));
    assertThat(metrics(sidecar))
        .contains(
            "integration_operator_executor_forwarded_calls_total{cluster=\"edge-1\","
                + "outcome=\"unreachable\"} 1.0");
  }

  @Test
  void answersTimeoutWhenGatewayExceedsIntegrationTimeout() throws Exception {
    HttpServer gateway =
        fakeGateway(
            exchange -> {
              sleep(Duration.ofSeconds(3));
              answer(exchange, 200, "{}");
            });
    createIntegration(client, integration("http://127.0.0.1:1/api", EDGE_1, "timeout: 1s"));
    createService(client, "edge-1");
    createEndpoint(client, "edge-1", gateway.getAddress().getPort(), true);
    Executor sidecar = sidecar();

    long start = System.nanoTime();
    HttpResponse<String> answer = call(sidecar, Optional.empty(), Map.of());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
    assertThat(took).isLessThan(Duration.ofMillis(2500));
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                ("{\"reason\": \"Timeout\", \"error\": \"Executor 127.0.0.1:%d of gateway cluster"
                        + " edge-1 did not answer within the Integration's timeout, which covers"
                        + " the forwarded call as a whole; raise spec.timeout or check the"
                        + " server's latency.\"}")
                    .formatted(gateway.getAddress().getPort())));
  }

  @Test
  void forwardedCallIsNeverForwardedAgain() throws Exception {
    createIntegration(client, integration("http://127.0.0.1:1/api", EDGE_1, ""));
    Executor sidecar = sidecar();

    HttpResponse<String> answer =
        call(sidecar, Optional.empty(), Map.of("X-Integration-Operator-Forwarded", "sidecar"));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"reason\": \"NotInGatewayCluster\", \"error\": \"Integration pets is routed to"
                    + " gateway cluster edge-1, but this executor serves no gateway cluster and"
                    + " does not forward a call that another executor forwarded; check that only"
                    + " executors of that cluster carry the Service label"
                    + " integration-operator.io/gateway-cluster=edge-1.\"}"));
  }

  @Test
  void gatewayRejectsForwardedCallOfAnotherCluster() throws Exception {
    createIntegration(
        client,
        integration(
            "http://127.0.0.1:1/api", "{executionMode: ClusterNoProxy, cluster: edge-2}", ""));
    Executor gateway = start(settings(false, ExecutorMode.GATEWAY, Optional.of("edge-1")));

    HttpResponse<String> answer =
        call(gateway, Optional.empty(), Map.of("X-Integration-Operator-Forwarded", "sidecar"));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(JSON.readTree(answer.body()).get("error").asText())
        .isEqualTo(
            "Integration pets is routed to gateway cluster edge-2, but this executor serves"
                + " gateway cluster edge-1 and does not forward a call that another executor"
                + " forwarded; check that only executors of that cluster carry the Service label"
                + " integration-operator.io/gateway-cluster=edge-2.");
  }

  @Test
  void integrationWithoutCurrentRoutingIsNotReady() throws Exception {
    createIntegration(
        client,
        integration("http://127.0.0.1:1/api", EDGE_1, "")
            .replace("observedGeneration: 1", "observedGeneration: 0"));
    Executor sidecar = sidecar();

    HttpResponse<String> answer = call(sidecar, Optional.empty(), Map.of());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"reason\": \"IntegrationNotReady\", \"error\": \"Integration pets has"
                    + " status.routing of generation 0 while the spec is at generation 1; the"
                    + " operator has not reconciled the change yet; see kubectl describe"
                    + " integration pets -n shop.\"}"));
  }

  private Executor sidecar() throws IOException {
    return start(settings(false, ExecutorMode.SIDECAR, Optional.empty()));
  }

  private Executor start(io.integrationoperator.executor.ExecutorSettings settings)
      throws IOException {
    Executor executor = Executor.start(client, settings);
    started.add(executor);
    await().atMost(Duration.ofSeconds(10)).until(executor::ready);
    return executor;
  }

  private HttpResponse<String> call(
      Executor executor, Optional<String> authorization, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + executor.port()
                        + "/v1/namespaces/shop/integrations/pets/tasks/getPet"))
            .POST(HttpRequest.BodyPublishers.ofString(CALL_BODY));
    authorization.ifPresent(value -> request.header("Authorization", value));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String metrics(Executor executor) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + executor.port() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  /** Starts an HTTP server on 127.0.0.1 that replaces a gateway executor. */
  private HttpServer fakeGateway(Handler handler) throws IOException {
    HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/",
        exchange -> {
          try (exchange) {
            handler.handle(exchange);
          }
        });
    gateway.start();
    started.add(() -> gateway.stop(0));
    return gateway;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
