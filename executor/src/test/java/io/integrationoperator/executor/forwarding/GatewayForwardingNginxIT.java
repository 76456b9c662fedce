package io.integrationoperator.executor.forwarding;

import static io.integrationoperator.executor.forwarding.GatewayCluster.createEndpoint;
import static io.integrationoperator.executor.forwarding.GatewayCluster.createIntegration;
import static io.integrationoperator.executor.forwarding.GatewayCluster.createService;
import static io.integrationoperator.executor.forwarding.GatewayCluster.integration;
import static io.integrationoperator.executor.forwarding.GatewayCluster.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.client.testing.AccessLogEntry;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.executor.Executor;
import io.integrationoperator.executor.ExecutorMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs two executors in one JVM, a sidecar and a gateway executor of cluster edge-1, each on its
 * own port on 127.0.0.1, against the fabric8 mock API server in CRUD mode. The cluster's Service
 * and EndpointSlice point at the gateway's port, and the Integration's server is a real nginx with
 * Basic authentication, so a routed call goes sidecar, gateway, nginx.
 */
@Tag("real-server")
@EnableKubernetesMockClient(crud = true)
class GatewayForwardingNginxIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
  private static final String EDGE_1 = "{executionMode: ClusterNoProxy, cluster: edge-1}";
  private static final String CALLER_TOKEN = "Bearer token-of-runner";
  private static final String BASIC_ALICE =
      "Basic "
          + Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
  private static final String CALLS_OK =
      "integration_operator_executor_calls_total{integration=\"pets\",namespace=\"shop\","
          + "outcome=\"ok\",task=\"getPet\"} 1.0";

  KubernetesMockServer server;
  KubernetesClient client;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> started = new ArrayList<>();
  private NginxServer nginx;

  @BeforeEach
  void startNginx() {
    nginx =
        NginxServer.builder().basicAuth(GatewayCluster.USERNAME, GatewayCluster.PASSWORD).start();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : started) {
      closeable.close();
    }
    nginx.close();
  }

  @Test
  void routedCallRunsOnGateway() throws Exception {
    expectAuthenticated();
    expectAccess(true, true);
    createIntegration(client, integration(nginx.apiUrl(), EDGE_1, ""));
    Executor gateway = start(true, ExecutorMode.GATEWAY, Optional.of("edge-1"));
    createService(client, "edge-1");
    createEndpoint(client, "edge-1", gateway.port(), true);
    Executor sidecar = start(true, ExecutorMode.SIDECAR, Optional.empty());

    HttpResponse<String> answer = call(sidecar, Optional.of(CALLER_TOKEN));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode envelope = JSON.readTree(answer.body());
    assertThat(envelope.get("ok").asBoolean()).isTrue();
    assertThat(envelope.get("url").asText()).isEqualTo(nginx.apiUrl() + "/pet/1");
    assertThat(envelope.get("body")).isEqualTo(JSON.readTree(NginxServer.PET_JSON));
    AccessLogEntry received = nginx.awaitAccessLog(1).get(0);
    assertThat(received.uri()).isEqualTo("/api/v3/pet/1");
    // nginx receives the Integration's credentials, never the caller's token.
    assertThat(received.authorization()).isEqualTo(BASIC_ALICE);
    assertThat(metrics(gateway)).contains(CALLS_OK);
    assertThat(metrics(sidecar))
        .doesNotContain("outcome=\"ok\"")
        .contains(
            "integration_operator_executor_forwarded_calls_total{cluster=\"edge-1\","
                + "outcome=\"answered\"} 1.0");
    // Each executor reviewed the caller's token itself.
    assertThat(requests(TOKEN_REVIEWS)).hasSize(2);
  }

  @Test
  void gatewayRepeatsTheAuthorizationCheck() throws Exception {
    expectAuthenticated();
    // The sidecar's SubjectAccessReview allows the call; the gateway's denies it.
    expectAccess(true, false);
    createIntegration(client, integration(nginx.apiUrl(), EDGE_1, ""));
    Executor gateway = start(true, ExecutorMode.GATEWAY, Optional.of("edge-1"));
    createService(client, "edge-1");
    createEndpoint(client, "edge-1", gateway.port(), true);
    Executor sidecar = start(true, ExecutorMode.SIDECAR, Optional.empty());

    HttpResponse<String> answer = call(sidecar, Optional.of(CALLER_TOKEN));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"reason\": \"Forbidden\", \"error\": \"User"
                    + " system:serviceaccount:shop:runner may not get integrations/tasks pets in"
                    + " namespace shop; bind it to the Role pets-get (or pets-admin) with a"
                    + " RoleBinding.\"}"));
    assertThat(requests(ACCESS_REVIEWS)).hasSize(2);
    assertThat(nginx.accessLog()).isEmpty();
  }

  @Test
  void stoppedGatewayThenDirectRouting() throws Exception {
    createIntegration(client, integration(nginx.apiUrl(), EDGE_1, ""));
    Executor gateway = start(false, ExecutorMode.GATEWAY, Optional.of("edge-1"));
    int gatewayPort = gateway.port();
    createService(client, "edge-1");
    createEndpoint(client, "edge-1", gatewayPort, true);
    Executor sidecar = start(false, ExecutorMode.SIDECAR, Optional.empty());
    assertThat(call(sidecar, Optional.empty()).statusCode()).isEqualTo(200);

    gateway.close();
    HttpResponse<String> refused = call(sidecar, Optional.empty());
    createEndpoint(client, "edge-1", gatewayPort, false);
    HttpResponse<String> notReady =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> call(sidecar, Optional.empty()), a -> a.statusCode() == 503);
    routeDirect();
    HttpResponse<String> direct =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> call(sidecar, Optional.empty()), a -> a.statusCode() == 200);

    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(JSON.readTree(refused.body()).get("reason").asText())
        .isEqualTo("GatewayUnavailable");
    assertThat(JSON.readTree(notReady.body()).get("error").asText())
        .isEqualTo(
            "Gateway cluster edge-1 has no ready executor (Service edge-1 in namespace gateways"
                + " has no ready endpoint); check the gateway executors' pods and readiness.");
    assertThat(JSON.readTree(direct.body()).get("status").asInt()).isEqualTo(200);
    assertThat(metrics(sidecar)).contains(CALLS_OK);
  }

  @Test
  void probeEndpointRunsTheOperatorsProbe() throws Exception {
    expectAuthenticated();
    expectAccess(true, true);
    createIntegration(client, integration(nginx.apiUrl(), EDGE_1, "probe: {path: /health}"));
    Executor gateway = start(true, ExecutorMode.GATEWAY, Optional.of("edge-1"));

    HttpResponse<String> answer = probe(gateway, "{\"generation\": 1}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    ObjectNode body = (ObjectNode) JSON.readTree(answer.body());
    ObjectNode lastProbe = (ObjectNode) body.get("lastProbe");
    assertThat(lastProbe.remove("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z");
    assertThat(lastProbe.remove("duration").asText()).matches("\\d+ms");
    ObjectNode response = (ObjectNode) lastProbe.remove("response");
    assertThat(response.get("status").asInt()).isEqualTo(200);
    assertThat(response.get("url").asText()).isEqualTo(nginx.apiUrl() + "/health");
    assertThat(response.get("body")).isEqualTo(JSON.readTree(NginxServer.HEALTH_JSON));
    assertThat(body)
        .isEqualTo(
            JSON.readTree(
                ("{\"observedGeneration\": 1, \"outcome\": {\"reason\": \"ProbeSucceeded\","
                        + " \"message\": \"GET %s/health returned 200 OK.\", \"connected\":"
                        + " true}, \"lastProbe\": {\"error\": null}}")
                    .formatted(nginx.apiUrl())));
    SubjectAccessReview review =
        client
            .getKubernetesSerialization()
            .unmarshal(requests(ACCESS_REVIEWS).get(0), SubjectAccessReview.class);
    assertThat(review.getSpec().getResourceAttributes().getVerb()).isEqualTo("create");
    assertThat(review.getSpec().getResourceAttributes().getSubresource()).isEqualTo("probe");
    assertThat(nginx.awaitAccessLog(1).get(0).authorization()).isEqualTo(BASIC_ALICE);
  }

  @Test
  void probeEndpointRejectsIntegrationsItDoesNotServe() throws Exception {
    createIntegration(client, integration(nginx.apiUrl(), EDGE_1, ""));
    Executor otherCluster = start(false, ExecutorMode.GATEWAY, Optional.of("edge-2"));

    HttpResponse<String> answer = probe(otherCluster, "{\"generation\": 1}");

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(answer.body()).get("error").asText())
        .isEqualTo(
            "Integration pets is routed to gateway cluster edge-1, but this executor serves"
                + " gateway cluster edge-2; call the executor of that Integration's cluster.");
    assertThat(nginx.accessLog()).isEmpty();
  }

  @Test
  void probeOfNewerGenerationChecksServingFirst() throws Exception {
    createIntegration(client, integration(nginx.apiUrl(), EDGE_1, ""));
    Executor otherCluster = start(false, ExecutorMode.GATEWAY, Optional.of("edge-2"));

    HttpResponse<String> answer = probe(otherCluster, "{\"generation\": 2}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(JSON.readTree(answer.body()).get("reason").asText())
        .isEqualTo("NotInGatewayCluster");
    assertThat(JSON.readTree(answer.body()).get("error").asText())
        .isEqualTo(
            "Integration pets is routed to gateway cluster edge-1, but this executor serves"
                + " gateway cluster edge-2; call the executor of that Integration's cluster.");
    assertThat(nginx.accessLog()).isEmpty();
  }

  @Test
  void probeOfNewerGenerationIsPending() throws Exception {
    createIntegration(client, integration(nginx.apiUrl(), EDGE_1, ""));
    Executor gateway = start(false, ExecutorMode.GATEWAY, Optional.of("edge-1"));

    HttpResponse<String> answer = probe(gateway, "{\"generation\": 2}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"observedGeneration\": 1, \"outcome\": {\"reason\": \"ProbePending\","
                    + " \"message\": \"The gateway executor has the routing of generation 1 of"
                    + " Integration pets, older than the probed generation 2; probe again once its"
                    + " watch has caught up.\", \"connected\": false}, \"lastProbe\": null}"));
    assertThat(nginx.accessLog()).isEmpty();
  }

  private Executor start(boolean authorization, ExecutorMode mode, Optional<String> cluster)
      throws IOException {
    Executor executor = Executor.start(client, settings(authorization, mode, cluster));
    started.add(executor);
    await().atMost(Duration.ofSeconds(10)).until(executor::ready);
    return executor;
  }

  /** Writes status.routing Direct, as the operator does when spec.gateway changes to Direct. */
  private void routeDirect() {
    Integration integration =
        client.resources(Integration.class).inNamespace("shop").withName("pets").get();
    EffectiveRouting routing = new EffectiveRouting();
    routing.setExecutionMode(ExecutionMode.Direct);
    integration.getStatus().setRouting(routing);
    client.resource(integration).updateStatus();
  }

  private void expectAuthenticated() {
    server
        .expect()
        .post()
        .withPath(TOKEN_REVIEWS)
        .andReturn(
            201,
            new TokenReviewBuilder()
                .withNewStatus()
                .withAuthenticated(true)
                .withNewUser()
                .withUsername("system:serviceaccount:shop:runner")
                .endUser()
                .endStatus()
                .build())
        .always();
  }

  /** Makes the mock server allow or deny the first SubjectAccessReview, then all later ones. */
  private void expectAccess(boolean firstAllowed, boolean laterAllowed) {
    server
        .expect()
        .post()
        .withPath(ACCESS_REVIEWS)
        .andReturn(201, accessReview(firstAllowed))
        .once();
    server
        .expect()
        .post()
        .withPath(ACCESS_REVIEWS)
        .andReturn(201, accessReview(laterAllowed))
        .always();
  }

  private static SubjectAccessReview accessReview(boolean allowed) {
    return new SubjectAccessReviewBuilder()
        .withNewStatus()
        .withAllowed(allowed)
        .endStatus()
        .build();
  }

  /** Returns the bodies of the requests the mock server received on {@code path}, in order. */
  private List<String> requests(String path) throws InterruptedException {
    List<String> bodies = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      if (path.equals(request.getPath())) {
        bodies.add(request.getBody().readUtf8());
      }
    }
    return bodies;
  }

  private HttpResponse<String> call(Executor executor, Optional<String> authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + executor.port()
                        + "/v1/namespaces/shop/integrations/pets/tasks/getPet"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"petId\": 1}}"));
    authorization.ifPresent(value -> request.header("Authorization", value));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> probe(Executor executor, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + executor.port()
                        + "/v1/namespaces/shop/integrations/pets/probe"))
            .header("Authorization", CALLER_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String metrics(Executor executor) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + executor.port() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
