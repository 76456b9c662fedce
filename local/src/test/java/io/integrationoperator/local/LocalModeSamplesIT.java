package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.model.IntegrationModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the manifests of {@code samples/} as local mode applies them by default. The copies differ
 * from the originals only in the ports, which the test picks itself.
 */
class LocalModeSamplesIT {
  private static final Path SAMPLES = Path.of(System.getProperty("project.root", ".."), "samples");
  private static final Duration OPERATOR_TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path directory;

  private static LocalMode localMode;
  private static Kubectl kubectl;
  private static int closedPort;

  @BeforeAll
  static void start() throws Exception {
    int apiPort = freePort();
    closedPort = freePort();
    Path samples = copyWithPort(SAMPLES, directory.resolve("samples"), "18080", apiPort);
    localMode =
        LocalMode.start(
            new LocalModeOptions(
                directory.resolve("kubeconfig"), apiPort, 0, List.of(samples), false, true),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    kubectl =
        new Kubectl(
            directory.resolve("kubeconfig"), Files.createDirectories(directory.resolve("home")));
  }

  @AfterAll
  static void stop() {
    if (localMode != null) {
      localMode.close();
    }
  }

  @Test
  void localApiSampleBecomesReady() {
    Integration integration = awaitCondition("local-api", "Ready", "True");

    assertThat(condition(integration, "Connected").getReason()).isEqualTo("ProbeSucceeded");
    assertThat(integration.getStatus().getLastProbe().getResponse().getUrl())
        .isEqualTo(localMode.apiServerUrl() + "/version");
    assertThat(integration.getStatus().getRoles())
        .containsExactly("local-api-admin", "local-api-get");
  }

  /** Runs the README's curl command against the executor of local mode. */
  @Test
  void curlCallsSampleTaskThroughExecutor() throws Exception {
    awaitCondition("local-api", "Ready", "True");
    String url =
        "http://127.0.0.1:"
            + localMode.executorPort()
            + "/v1/namespaces/default/integrations/local-api/tasks/getCodeVersion";
    Process curl =
        new ProcessBuilder("curl", "-s", "-X", "POST", url).redirectErrorStream(true).start();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();

    JsonNode envelope = new ObjectMapper().readTree(output);
    assertThat(envelope.get("ok").asBoolean()).as(output).isTrue();
    assertThat(envelope.get("method").asText()).isEqualTo("GET");
    assertThat(envelope.get("url").asText()).isEqualTo(localMode.apiServerUrl() + "/version");
    assertThat(envelope.get("status").asInt()).isEqualTo(200);
    assertThat(envelope.get("body").get("gitVersion").asText()).isEqualTo("v1.32.0");
  }

  @Test
  void inventorySampleReportsUnreachableServer() throws Exception {
    Path inventory =
        copyWithPort(
            SAMPLES.resolve("inventory"), directory.resolve("inventory"), "8443", closedPort);
    kubectl.succeed("apply", "-f", inventory.toString());

    Integration integration = awaitCondition("inventory", "Connected", "False");

    assertThat(condition(integration, "Connected").getReason()).isEqualTo("ConnectionFailed");
    assertThat(condition(integration, "Connected").getMessage())
        .contains("127.0.0.1:" + closedPort);
    assertThat(condition(integration, "CredentialsResolved").getStatus()).isEqualTo("True");
    IntegrationModel model =
        localMode
            .client()
            .resources(IntegrationModel.class)
            .inNamespace("default")
            .withName("inventory")
            .get();
    assertThat(model.getStatus().getTaskCount()).isEqualTo(5);
    assertThat(model.getStatus().getMethods()).containsExactly("delete", "get", "post");
  }

  private static Integration awaitCondition(String name, String type, String status) {
    return await()
        .atMost(OPERATOR_TIMEOUT)
        .until(
            () ->
                localMode
                    .client()
                    .resources(Integration.class)
                    .inNamespace("default")
                    .withName(name)
                    .get(),
            i -> i != null && i.getStatus() != null && hasCondition(i, type, status));
  }

  private static boolean hasCondition(Integration integration, String type, String status) {
    return integration.getStatus().getConditions().stream()
        .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals(status));
  }

  private static Condition condition(Integration integration, String type) {
    return integration.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  /** Copies the directory's manifests, replacing "port: FROM" with the given port. */
  private static Path copyWithPort(Path source, Path target, String from, int port)
      throws IOException {
    Files.createDirectories(target);
    int replaced = 0;
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        if (text.contains("port: " + from)) {
          replaced++;
        }
        Files.writeString(
            target.resolve(file.getFileName()), text.replace("port: " + from, "port: " + port));
      }
    }
    assertThat(replaced).as("sample files with port %s in %s", from, source).isEqualTo(1);
    return target;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
