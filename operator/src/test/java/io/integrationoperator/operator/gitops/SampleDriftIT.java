package io.integrationoperator.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.operator.OperatorFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Applies every manifest in samples/, lets the operator reconcile, and checks that the operator
 * wrote nothing into spec or metadata that a GitOps tool would report as drift.
 */
@EnableKubernetesMockClient(crud = true)
class SampleDriftIT {
  /** Metadata fields that the API server sets on every object; all others come from Git. */
  private static final Set<String> SERVER_METADATA =
      Set.of("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields");

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  static KubernetesClient client;
  static OperatorFixture operator;
  static HttpServer versionServer;
  static int closedPort;

  @BeforeAll
  static void start() throws Exception {
    // The samples name the fixed ports of local mode and of an inventory server. The test
    // replaces them with ports it owns, so the probes reach no other process.
    versionServer =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    versionServer.createContext(
        "/",
        exchange -> {
          byte[] body = "{\"major\":\"1\",\"minor\":\"31\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    versionServer.start();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    versionServer.stop(0);
  }

  @Test
  void samplesKeepSpecAndMetadataAfterReconcile() throws Exception {
    List<JsonNode> manifests = new ArrayList<>();
    for (Path file : sampleFiles()) {
      for (JsonNode manifest : readManifests(file)) {
        manifests.add(manifest);
        client.resource(toResource(manifest)).create();
      }
    }
    assertThat(manifests)
        .extracting(m -> m.path("kind").asText())
        .contains("IntegrationModel", "Integration", "Secret");
    JsonNode minimal = minimalIntegration();
    manifests.add(minimal);
    client.resource(toResource(minimal)).create();

    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .untilAsserted(
            () -> {
              for (JsonNode manifest : manifests) {
                assertReconciled(manifest);
              }
              assertReady("Integration", "local-api");
              assertReady("Integration", "minimal");
              assertReady("IntegrationModel", "kubernetes-discovery");
              assertReady("IntegrationModel", "inventory");
            });

    for (JsonNode manifest : manifests) {
      JsonNode stored = stored(manifest);
      String name = manifest.path("kind").asText() + " " + manifest.at("/metadata/name").asText();
      assertThat(canonical(stored.path("spec")))
          .as(name + " spec")
          .isEqualTo(canonical(manifest.path("spec")));
      assertThat(canonical(withoutServerFields(stored.path("metadata"))))
          .as(name + " metadata")
          .isEqualTo(canonical(manifest.path("metadata")));
      assertThat(stored.at("/metadata/generation").asLong(1)).as(name + " generation").isEqualTo(1);
    }
  }

  /** Asserts that a custom resource's status describes its current generation. */
  private void assertReconciled(JsonNode manifest) throws IOException {
    String kind = manifest.path("kind").asText();
    if (!kind.startsWith("Integration")) {
      return;
    }
    JsonNode stored = stored(manifest);
    assertThat(stored.at("/status/observedGeneration").asLong(-1))
        .as(kind + " observedGeneration")
        .isEqualTo(stored.at("/metadata/generation").asLong());
    assertThat(readyCondition(kind, manifest.at("/metadata/name").asText()).path("status").asText())
        .as(kind + " Ready")
        .isNotEmpty();
  }

  private void assertReady(String kind, String name) throws IOException {
    JsonNode ready = readyCondition(kind, name);
    assertThat(ready.path("status").asText())
        .as(kind + " " + name + ": " + ready)
        .isEqualTo("True");
  }

  private JsonNode readyCondition(String kind, String name) throws IOException {
    for (JsonNode condition : stored(kind, name).at("/status/conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return CANONICAL.createObjectNode();
  }

  private static List<Path> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(System.getProperty("project.root"), "samples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Reads every document of one sample file. */
  private static List<JsonNode> readManifests(Path file) throws IOException {
    List<JsonNode> manifests = new ArrayList<>();
    try (MappingIterator<Map<String, Object>> documents =
        new YAMLMapper().readerFor(Map.class).readValues(file.toFile())) {
      while (documents.hasNext()) {
        Map<String, Object> document = documents.next();
        if (document != null && !document.isEmpty()) {
          manifests.add(withTestPorts((ObjectNode) CANONICAL.valueToTree(document)));
        }
      }
    }
    return manifests;
  }

  /** Points a sample's fixed server port at the ports of this test. */
  private static JsonNode withTestPorts(ObjectNode manifest) {
    JsonNode server = manifest.at("/spec/server");
    if (server instanceof ObjectNode serverNode && server.has("port")) {
      boolean plainHttp = "http".equals(server.path("protocol").asText());
      serverNode.put("port", plainHttp ? versionServer.getAddress().getPort() : closedPort);
    }
    return manifest;
  }

  /**
   * Returns an Integration that leaves the fields with defaults unset (timeout, probe, TLS,
   * gateway, logging), so that a default written back into spec shows up. It sets the server
   * because the model's server is the cluster's API server, which the test must not call.
   */
  private static JsonNode minimalIntegration() throws IOException {
    return CANONICAL.readTree(
        """
        {"apiVersion": "integration-operator.io/v1alpha1", "kind": "Integration",
         "metadata": {"name": "minimal", "namespace": "default"},
         "spec": {"modelRef": {"name": "kubernetes-discovery"},
                  "server": {"host": "127.0.0.1", "port": %d, "protocol": "http"}}}
        """
            .formatted(versionServer.getAddress().getPort()));
  }

  private static GenericKubernetesResource toResource(JsonNode manifest) {
    return CANONICAL.convertValue(manifest, GenericKubernetesResource.class);
  }

  private JsonNode stored(JsonNode manifest) throws IOException {
    if (manifest.path("kind").asText().startsWith("Integration")) {
      return stored(manifest.path("kind").asText(), manifest.at("/metadata/name").asText());
    }
    return CANONICAL.readTree(Serialization.asJson(client.resource(toResource(manifest)).get()));
  }

  private JsonNode stored(String kind, String name) throws IOException {
    String apiVersion = kind.startsWith("Integration") ? "integration-operator.io/v1alpha1" : "v1";
    GenericKubernetesResource resource =
        client
            .genericKubernetesResources(apiVersion, kind)
            .inNamespace("default")
            .withName(name)
            .get();
    return CANONICAL.readTree(Serialization.asJson(resource));
  }

  private static JsonNode withoutServerFields(JsonNode metadata) {
    ObjectNode copy = ((ObjectNode) metadata).deepCopy();
    copy.remove(SERVER_METADATA);
    return copy;
  }

  private static String canonical(JsonNode node) throws IOException {
    Object tree = CANONICAL.treeToValue(node, Object.class);
    return CANONICAL.writeValueAsString(tree);
  }
}
