package io.integrationoperator.operator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Gateway;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.ProxyConfig;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.client.gateway.GatewayObjects;
import io.integrationoperator.operator.OperatorFixture;
import io.integrationoperator.operator.OperatorSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator against the fabric8 mock API server with gateway defaults: routed Integrations are
 * probed through a fake gateway executor on 127.0.0.1 that an EndpointSlice lists, and proxy
 * credentials are projected from the default proxy Secret in the operator's namespace.
 */
@EnableKubernetesMockClient(crud = true)
class GatewayRoutingIT {
  static final String OPERATOR_NAMESPACE = "ops";
  static final String GATEWAY_NAMESPACE = "gateways";
  static final String OPERATOR_TOKEN = "operator-sa-token";

  static KubernetesClient client;
  static KubernetesMockServer server;
  static KubernetesClient operatorClient;
  static FakeGateway gateway;
  static OperatorFixture operator;

  @BeforeAll
  static void start() throws Exception {
    gateway = new FakeGateway();
    service("edge-1-gateway", "edge-1");
    slice("edge-1-gateway-a", "edge-1-gateway", gateway.port(), true);
    service("edge-2-gateway", "edge-2");
    slice("edge-2-gateway-a", "edge-2-gateway", gateway.port(), false);
    service("edge-3-gateway", "edge-3");
    slice("edge-3-gateway-a", "edge-3-gateway", gateway.port(), true);

    // The operator's client carries a bearer token, as a ServiceAccount's client does in a pod.
    operatorClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration()).withOauthToken(OPERATOR_TOKEN).build())
            .build();
    GatewayDefaults defaults =
        new GatewayDefaults(
            ExecutionMode.ClusterNoProxy,
            Optional.of("edge-1"),
            Optional.of(
                new DefaultProxy(
                    ServerProtocol.http,
                    "proxy.example.test",
                    3128,
                    Optional.of("corp-proxy"),
                    List.of(".internal.test"))));
    operator =
        OperatorFixture.start(
            operatorClient,
            OperatorSettings.inProcess()
                .withGateway(defaults, OPERATOR_NAMESPACE, GATEWAY_NAMESPACE));
  }

  @AfterAll
  static void stop() {
    operator.close();
    operatorClient.close();
    gateway.close();
  }

  @Test
  void probesThroughDefaultCluster() {
    createModel("routed");
    createIntegration("routed", spec -> {});

    Integration integration =
        operator.awaitIntegrationCondition("routed", "api", "Connected", "True", "ProbeSucceeded");

    assertThat(condition(integration, "Connected").getMessage()).isEqualTo(FakeGateway.MESSAGE);
    assertThat(integration.getStatus().getLastProbe().getTime()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(integration.getStatus().getLastProbe().getResponse().getStatus()).isEqualTo(200);
    EffectiveRouting routing = integration.getStatus().getRouting();
    assertThat(routing.getExecutionMode()).isEqualTo(ExecutionMode.ClusterNoProxy);
    assertThat(routing.getCluster()).isEqualTo("edge-1");
    assertThat(routing.getProxy()).isNull();
    assertThat(routing.getSources()).containsExactly("executionMode: default", "cluster: default");
    List<FakeGateway.Received> probes =
        gateway.received().stream()
            .filter(r -> r.path().startsWith("/v1/namespaces/routed/"))
            .toList();
    assertThat(probes).hasSize(1);
    FakeGateway.Received probe = probes.get(0);
    assertThat(probe.method()).isEqualTo("POST");
    assertThat(probe.path()).isEqualTo("/v1/namespaces/routed/integrations/api/probe");
    assertThat(probe.body()).isEqualTo("{\"generation\":1}");
    assertThat(probe.authorization()).contains("Bearer " + OPERATOR_TOKEN);
  }

  @Test
  void reportsGatewayUnavailableOnce() throws Exception {
    createModel("unready");
    createIntegration("unready", spec -> spec.setGateway(gatewaySpec(null, "edge-2", null)));

    Integration integration =
        operator.awaitIntegrationCondition(
            "unready", "api", "Connected", "False", "GatewayUnavailable");

    assertThat(condition(integration, "Connected").getMessage())
        .isEqualTo(
            "Gateway cluster edge-2 has no ready executor (Service edge-2-gateway in namespace"
                + " gateways has no ready endpoint); check the gateway executors' pods and"
                + " readiness.");
    assertThat(condition(integration, "Ready").getReason()).isEqualTo("GatewayUnavailable");
    assertThat(integration.getStatus().getRouting().getCluster()).isEqualTo("edge-2");
    assertThat(integration.getStatus().getRouting().getSources())
        .containsExactly("executionMode: default", "cluster: spec");
    String probeTime = integration.getStatus().getLastProbe().getTime();
    drainRequests();

    // The failed probe is repeated after at most 30 seconds, not at once. Each reconcile reads the
    // Integration's projected Secret, so a reconcile loop would show as requests in its namespace.
    Thread.sleep(4000);

    assertThat(drainRequests())
        .as("API requests in namespace unready within 4 s")
        .filteredOn(path -> path.contains("/namespaces/unready/"))
        .hasSizeLessThan(3);
    Integration later = operator.integration("unready", "api");
    assertThat(later.getStatus().getLastProbe().getTime()).isEqualTo(probeTime);
    assertThat(events("unready", "GatewayUnavailable")).hasSize(1);
    assertThat(gateway.received()).noneMatch(r -> r.path().contains("/namespaces/unready/"));
  }

  @Test
  void projectsDefaultProxySecret() {
    createModel("proxied");
    createIntegration(
        "proxied", spec -> spec.setGateway(gatewaySpec(ExecutionMode.Proxy, null, null)));

    Integration missing =
        operator.awaitIntegrationCondition(
            "proxied", "api", "CredentialsResolved", "False", "SecretNotFound");
    assertThat(condition(missing, "CredentialsResolved").getMessage())
        .isEqualTo(
            "Secret corp-proxy not found in namespace ops, which the operator option"
                + " --default-proxy-secret names for the default proxy; create it there or"
                + " correct the option.");

    client
        .resource(
            OperatorFixture.secret(
                OPERATOR_NAMESPACE,
                "corp-proxy",
                Map.of("username", "proxy-user", "password", "first", "ca.crt", "PEM")))
        .create();

    Integration resolved =
        operator.awaitIntegrationCondition("proxied", "api", "Connected", "True", "ProbeSucceeded");
    assertThat(decoded(projected("proxied")))
        .containsOnly(
            Map.entry("proxyUsername", "proxy-user"),
            Map.entry("proxyPassword", "first"),
            Map.entry("proxyCaBundle", "PEM"));
    EffectiveRouting routing = resolved.getStatus().getRouting();
    assertThat(routing.getExecutionMode()).isEqualTo(ExecutionMode.Proxy);
    assertThat(routing.getProxy().getUrl()).isEqualTo("http://proxy.example.test:3128");
    assertThat(routing.getProxy().getAuthenticated()).isTrue();
    assertThat(routing.getProxy().getNoProxy()).containsExactly(".internal.test");
    assertThat(routing.getSources())
        .containsExactly("executionMode: spec", "cluster: default", "proxy: default");

    Secret source = client.secrets().inNamespace(OPERATOR_NAMESPACE).withName("corp-proxy").get();
    source.setData(Map.of("username", encode("proxy-user"), "password", encode("second")));
    // The mock API server keeps stringData as it was created instead of merging it into data.
    source.setStringData(null);
    client.resource(source).update();

    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(decoded(projected("proxied")))
                    .containsOnly(
                        Map.entry("proxyUsername", "proxy-user"),
                        Map.entry("proxyPassword", "second")));
  }

  @Test
  void projectsSpecProxySecret() {
    createModel("own-proxy");
    client
        .resource(
            OperatorFixture.secret(
                "own-proxy", "squid-login", Map.of("username", "squid", "password", "s3cret")))
        .create();
    ProxyConfig proxy = new ProxyConfig();
    proxy.setHost("squid.example.test");
    proxy.setPort(3128);
    proxy.setSecretRef(new LocalObjectReference("squid-login"));
    createIntegration(
        "own-proxy", spec -> spec.setGateway(gatewaySpec(ExecutionMode.Proxy, null, proxy)));

    Integration integration =
        operator.awaitIntegrationCondition(
            "own-proxy", "api", "Connected", "True", "ProbeSucceeded");

    assertThat(decoded(projected("own-proxy")))
        .containsOnly(Map.entry("proxyUsername", "squid"), Map.entry("proxyPassword", "s3cret"));
    assertThat(integration.getStatus().getRouting().getProxy().getUrl())
        .isEqualTo("http://squid.example.test:3128");
    assertThat(integration.getStatus().getRouting().getSources())
        .containsExactly("executionMode: spec", "cluster: default", "proxy: spec");
  }

  @Test
  void relaysGatewayTimeout() {
    String message = "GET http://api.example.test/api did not answer within 1000ms.";
    gateway.answer(
        "slow", new FakeGateway.Answer(Duration.ofMillis(2500), null, "Timeout", message, false));
    createModel("slow");
    createIntegration("slow", spec -> spec.setTimeout("1s"));

    Integration integration =
        operator.awaitIntegrationCondition("slow", "api", "Connected", "False", "Timeout");

    assertThat(condition(integration, "Connected").getMessage()).isEqualTo(message);
    assertThat(condition(integration, "Ready").getReason()).isEqualTo("Timeout");
  }

  @Test
  void silentGatewayIsUnavailable() {
    gateway.answer(
        "silent",
        new FakeGateway.Answer(
            Duration.ofSeconds(20), null, "ProbeSucceeded", FakeGateway.MESSAGE, true));
    createModel("silent");
    createIntegration("silent", spec -> spec.setTimeout("1s"));

    Integration integration =
        operator.awaitIntegrationCondition(
            "silent", "api", "Connected", "False", "GatewayUnavailable");

    assertThat(condition(integration, "Connected").getMessage())
        .isEqualTo(
            "Gateway cluster edge-1 (executor http://127.0.0.1:"
                + gateway.port()
                + ") did not answer the probe request within 6000ms (the Integration's timeout"
                + " of 1000ms plus 5000ms for the gateway's answer); check the gateway"
                + " executors' log and load.");
  }

  @Test
  void routingChangeMakesProbePending() throws Exception {
    createModel("moved");
    createIntegration("moved", spec -> {});
    operator.awaitIntegrationCondition("moved", "api", "Connected", "True", "ProbeSucceeded");
    List<Integration> written = new CopyOnWriteArrayList<>();
    try (Watch watch = integrations("moved").watch(new Recorder(written))) {
      integrations("moved")
          .withName("api")
          .edit(
              i -> {
                i.getSpec().setGateway(gatewaySpec(null, "edge-3", null));
                return i;
              });

      Integration moved =
          operator.awaitIntegrationCondition("moved", "api", "Connected", "True", "ProbeSucceeded");
      assertThat(moved.getStatus().getRouting().getCluster()).isEqualTo("edge-3");
    }

    Integration first =
        written.stream()
            .filter(i -> i.getStatus() != null && i.getStatus().getObservedGeneration() == 2L)
            .findFirst()
            .orElseThrow();
    assertThat(first.getStatus().getRouting().getCluster()).isEqualTo("edge-3");
    Condition connected = condition(first, "Connected");
    assertThat(connected.getStatus()).isEqualTo("Unknown");
    assertThat(connected.getReason()).isEqualTo("ProbePending");
    assertThat(connected.getObservedGeneration()).isEqualTo(2L);
    assertThat(connected.getMessage())
        .isEqualTo(
            "The effective routing changed; the probe runs through gateway cluster edge-3 once"
                + " status.routing names it, in 2s.");
    assertThat(condition(first, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(first, "Ready").getReason()).isEqualTo("ProbePending");
    assertThat(first.getStatus().getLastProbe().getTime()).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void waitsForGatewayThatDoesNotServeYet() throws Exception {
    gateway.refuseFirst("unserved", 1);
    createModel("unserved");
    List<Integration> written = new CopyOnWriteArrayList<>();
    try (Watch watch = integrations("unserved").watch(new Recorder(written))) {
      createIntegration("unserved", spec -> {});

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> operator.integration("unserved", "api"),
              i ->
                  i != null
                      && i.getStatus() != null
                      && OperatorFixture.condition(i.getStatus().getConditions(), "Connected")
                          .filter(c -> "ProbeSucceeded".equals(c.getReason()))
                          .isPresent());
    }

    assertThat(gateway.received("unserved")).hasSize(2);
    assertThat(
            written.stream()
                .filter(i -> i.getStatus() != null && i.getStatus().getConditions() != null)
                .flatMap(
                    i ->
                        OperatorFixture.condition(i.getStatus().getConditions(), "Connected")
                            .stream())
                .map(Condition::getReason))
        .doesNotContain("GatewayUnavailable")
        .contains("ProbePending");
  }

  @Test
  void givesUpOnAGatewayThatStaysBehind() throws Exception {
    gateway.answer(
        "stale",
        new FakeGateway.Answer(Duration.ZERO, 0L, "ProbeSucceeded", FakeGateway.MESSAGE, true));
    createModel("stale");
    List<Integration> written = new CopyOnWriteArrayList<>();
    Integration integration;
    try (Watch watch = integrations("stale").watch(new Recorder(written))) {
      createIntegration("stale", spec -> {});

      integration =
          await()
              .atMost(Duration.ofSeconds(45))
              .until(
                  () -> operator.integration("stale", "api"),
                  i ->
                      i != null
                          && i.getStatus() != null
                          && OperatorFixture.condition(i.getStatus().getConditions(), "Connected")
                              .filter(c -> "GatewayUnavailable".equals(c.getReason()))
                              .isPresent());
    }

    // Retries back off (2, 4, 8, 16 s) up to 30 s. The first status write and the projected Secret
    // can trigger one more reconcile, so 5 probes are possible. Retrying every 2 s would give 15.
    assertThat(gateway.received("stale")).hasSizeBetween(4, 5);
    Condition connected = condition(integration, "Connected");
    assertThat(connected.getStatus()).isEqualTo("False");
    assertThat(connected.getMessage())
        .isEqualTo(
            "Gateway cluster edge-1 has not caught up with generation 1 of the Integration within"
                + " 30s (its executors report generation 0); check that the gateway executors"
                + " watch namespace stale and may list Integrations there, and that they run the"
                + " same version as the operator.");
    assertThat(condition(integration, "Ready").getReason()).isEqualTo("GatewayUnavailable");
    assertThat(integration.getStatus().getLastProbe().getError()).isEqualTo(connected.getMessage());
    List<String> pending =
        written.stream()
            .filter(i -> i.getStatus() != null && i.getStatus().getConditions() != null)
            .flatMap(
                i -> OperatorFixture.condition(i.getStatus().getConditions(), "Connected").stream())
            .map(Condition::getMessage)
            .filter(m -> m.contains("report generation 0"))
            .distinct()
            .toList();
    assertThat(pending)
        .startsWith(
            "Gateway cluster edge-1 has not caught up with generation 1 of the Integration yet"
                + " (its executors report generation 0); the probe is repeated in 4s.");
  }

  /** Records every Integration event of the watch. */
  private record Recorder(List<Integration> written) implements Watcher<Integration> {
    @Override
    public void eventReceived(Action action, Integration resource) {
      written.add(resource);
    }

    @Override
    public void onClose(WatcherException cause) {}
  }

  private static NonNamespaceOperation<
          Integration, KubernetesResourceList<Integration>, Resource<Integration>>
      integrations(String namespace) {
    return client.resources(Integration.class).inNamespace(namespace);
  }

  @Test
  void reportsInvalidGatewayWithoutWritingRouting() {
    createModel("invalid");
    createIntegration(
        "invalid", spec -> spec.setGateway(gatewaySpec(ExecutionMode.Proxy, "edge 1", null)));

    Integration integration =
        operator.awaitIntegrationCondition(
            "invalid", "api", "SpecValid", "False", "InvalidGateway");

    assertThat(condition(integration, "SpecValid").getMessage())
        .startsWith("spec.gateway.cluster edge 1 is not a valid cluster name");
    assertThat(integration.getStatus().getRouting()).isNull();
  }

  private static void createModel(String namespace) {
    // The server is never called: routed Integrations are probed by the gateway.
    String document =
        """
        openapi: 3.0.3
        info: {title: Pets, version: "1"}
        servers: [{url: "http://127.0.0.1:9/api"}]
        paths:
          /pets:
            get: {operationId: listPets, responses: {'200': {description: ok}}}
        """;
    client.resource(OperatorFixture.inlineModel(namespace, "pets", document)).create();
    operator.awaitModelCondition(namespace, "pets", "Ready", "True", "Ready");
  }

  private static void createIntegration(String namespace, Consumer<IntegrationSpec> customizer) {
    client.resource(OperatorFixture.integration(namespace, "api", "pets", customizer)).create();
  }

  private static Gateway gatewaySpec(ExecutionMode mode, String cluster, ProxyConfig proxy) {
    Gateway gateway = new Gateway();
    gateway.setExecutionMode(mode);
    gateway.setCluster(cluster);
    gateway.setProxy(proxy);
    return gateway;
  }

  private static void service(String name, String cluster) {
    client
        .services()
        .inNamespace(GATEWAY_NAMESPACE)
        .resource(GatewayObjects.service(name, cluster, 8080))
        .create();
  }

  private static void slice(String name, String service, int port, boolean ready) {
    client
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(GATEWAY_NAMESPACE)
        .resource(GatewayObjects.endpointSlice(name, service, "127.0.0.1", port, ready))
        .create();
  }

  /** Removes the requests the mock API server recorded so far and returns their paths. */
  private static List<String> drainRequests() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    for (RecordedRequest request = server.takeRequest(10, TimeUnit.MILLISECONDS);
        request != null;
        request = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
      paths.add(request.getPath());
    }
    return paths;
  }

  private static Secret projected(String namespace) {
    return client.secrets().inNamespace(namespace).withName("api-credentials").get();
  }

  private static Map<String, String> decoded(Secret secret) {
    return secret == null
        ? Map.of()
        : secret.getData().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        new String(
                            Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Event> events(String namespace, String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  private static Condition condition(Integration integration, String type) {
    return OperatorFixture.condition(integration.getStatus().getConditions(), type).orElseThrow();
  }
}
