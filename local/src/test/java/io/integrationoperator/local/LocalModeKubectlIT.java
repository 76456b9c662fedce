package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives local mode with the real kubectl binary, the way a user tries the product: objects are
 * created with kubectl, the operator reconciles them, and kubectl get and describe show the result.
 * The tests share one local mode instance and run in order.
 */
@TestMethodOrder(OrderAnnotation.class)
class LocalModeKubectlIT {

  private static final Duration OPERATOR_TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path directory;

  private static LocalMode localMode;
  private static Kubectl kubectl;
  private static ByteArrayOutputStream output;
  private static int closedPort;

  @BeforeAll
  static void startLocalMode() throws IOException {
    closedPort = freePort();
    Path home = Files.createDirectories(directory.resolve("home"));
    Path kubeconfig = directory.resolve("kubeconfig");
    output = new ByteArrayOutputStream();
    localMode =
        LocalMode.start(
            new LocalModeOptions(kubeconfig, 0, 0, List.of(), false, true),
            new PrintStream(output, true, StandardCharsets.UTF_8));
    kubectl = new Kubectl(kubeconfig, home);
  }

  @AfterAll
  static void stopLocalMode() {
    if (localMode != null) {
      localMode.close();
    }
  }

  @Test
  @Order(1)
  void startupLabelsTryOutAndExecutor() {
    String startup = output.toString(StandardCharsets.UTF_8);

    assertThat(startup).contains("a try-out and test harness");
    assertThat(startup)
        .containsPattern(
            "Executor:    http://127\\.0\\.0\\.1:\\d+ \\(caller authorization off: any local"
                + " process may call tasks\\)");
    assertThat(startup).contains("Kubeconfig:  " + directory.resolve("kubeconfig"));
  }

  @Test
  @Order(2)
  void discoveryListsShortNames() throws Exception {
    String resources = kubectl.succeed("api-resources", "--api-group=integration-operator.io");

    assertThat(resources)
        .containsPattern("integrationmodels\\s+im\\s+integration-operator.io/v1alpha1\\s+true");
    assertThat(resources)
        .containsPattern("integrations\\s+intg\\s+integration-operator.io/v1alpha1\\s+true");
  }

  @Test
  @Order(3)
  void appliesConfigMapMadeFromOpenApiFile() throws Exception {
    Path document =
        Path.of(System.getProperty("shared.dir"), "openapi/swagger-petstore-oas30.yaml");
    String manifest =
        kubectl.succeed(
            "create",
            "configmap",
            "petstore",
            "--from-file=openapi.yaml=" + document,
            "--dry-run=client",
            "-o",
            "yaml");
    Path file = Files.writeString(directory.resolve("configmap.yaml"), manifest);

    assertThat(kubectl.succeed("apply", "-f", file.toString()))
        .isEqualTo("configmap/petstore created\n");
    assertThat(kubectl.succeed("get", "configmap", "petstore"))
        .containsPattern("petstore\\s+1\\s+\\d+s");
  }

  @Test
  @Order(4)
  void createsConfigMapAndSecretDirectly() throws Exception {
    Path document =
        Path.of(System.getProperty("shared.dir"), "openapi/swagger-petstore-oas30.yaml");

    assertThat(
            kubectl.succeed(
                "create", "configmap", "petstore-copy", "--from-file=openapi.yaml=" + document))
        .isEqualTo("configmap/petstore-copy created\n");
    assertThat(
            kubectl.succeed(
                "create", "secret", "generic", "petstore-key", "--from-literal=apiKey=local-key"))
        .isEqualTo("secret/petstore-key created\n");
    assertThat(kubectl.succeed("get", "secret", "petstore-key", "-o", "jsonpath={.data.apiKey}"))
        .isEqualTo("bG9jYWwta2V5");
  }

  @Test
  @Order(5)
  void appliesModelAndIntegration() throws Exception {
    Path model = Files.writeString(directory.resolve("model.yaml"), modelManifest());
    Path integration =
        Files.writeString(directory.resolve("integration.yaml"), integrationManifest(closedPort));

    assertThat(kubectl.succeed("apply", "-f", model.toString()))
        .isEqualTo("integrationmodel.integration-operator.io/petstore created\n");
    assertThat(kubectl.succeed("apply", "-f", integration.toString()))
        .isEqualTo("integration.integration-operator.io/petstore created\n");
  }

  @Test
  @Order(6)
  void getShowsPrinterColumns() throws Exception {
    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(kubectl.succeed("get", "intg", "petstore"))
                    .contains("ConnectionFailed"));

    String table = kubectl.succeed("get", "im,intg");

    assertThat(table)
        .containsPattern("NAME\\s+TITLE\\s+VERSION\\s+TASKS\\s+READY\\s+REASON\\s+AGE");
    assertThat(table)
        .containsPattern(
            "integrationmodel.integration-operator.io/petstore\\s+Swagger Petstore - OpenAPI 3.0"
                + "\\s+\\S+\\s+19\\s+True\\s+Ready\\s+\\d+s");
    assertThat(table).containsPattern("NAME\\s+MODEL\\s+ENDPOINT\\s+READY\\s+REASON\\s+AGE");
    assertThat(table)
        .containsPattern(
            "integration.integration-operator.io/petstore\\s+petstore\\s+http://127.0.0.1:"
                + closedPort
                + "/api/v3\\s+False\\s+ConnectionFailed\\s+\\d+s");
  }

  @Test
  @Order(7)
  void describeShowsConditionsAndEvents() throws Exception {
    String description = kubectl.succeed("describe", "intg", "petstore");

    assertThat(description).containsPattern("Kind:\\s+Integration");
    assertThat(description).containsPattern("Reason:\\s+ConnectionFailed");
    assertThat(description).containsPattern("Type:\\s+Ready");
    assertThat(description).contains("Events:");
    assertThat(description)
        .containsPattern(
            "Normal\\s+ModelResolved\\s+\\S+\\s+integration-operator\\s+ModelResolved is True");
    assertThat(description)
        .containsPattern("Warning\\s+ConnectionFailed\\s+\\S+\\s+integration-operator");
  }

  @Test
  @Order(8)
  void getRolesListsGeneratedRoles() throws Exception {
    String roles = kubectl.succeed("get", "roles");

    assertThat(roles).containsPattern("NAME\\s+CREATED AT");
    for (String verb : List.of("admin", "get", "post", "put", "delete")) {
      assertThat(roles).containsPattern("petstore-" + verb + "\\s+\\d{4}-\\d\\d-\\d\\dT");
    }
  }

  @Test
  @Order(9)
  void mergePatchAndSecondApplyChangeSpec() throws Exception {
    assertThat(
            kubectl.succeed(
                "patch",
                "intg",
                "petstore",
                "--type",
                "merge",
                "-p",
                "{\"spec\":{\"timeout\":\"5s\"}}"))
        .isEqualTo("integration.integration-operator.io/petstore patched\n");
    assertThat(kubectl.succeed("get", "intg", "petstore", "-o", "jsonpath={.metadata.generation}"))
        .isEqualTo("2");

    Path changed =
        Files.writeString(
            directory.resolve("integration.yaml"),
            integrationManifest(closedPort).replace("basePath: /api/v3", "basePath: /api/v4"));
    assertThat(kubectl.succeed("apply", "-f", changed.toString()))
        .isEqualTo("integration.integration-operator.io/petstore configured\n");
    assertThat(
            kubectl.succeed(
                "get",
                "intg",
                "petstore",
                "-o",
                "jsonpath={.spec.server.basePath} {.spec.timeout}"))
        .isEqualTo("/api/v4 5s");
  }

  @Test
  @Order(10)
  void removingSecretKeyReportsSecretKeyNotFound() throws Exception {
    assertThat(
            kubectl.succeed(
                "patch",
                "secret",
                "petstore-key",
                "--type",
                "json",
                "-p",
                "[{\"op\":\"remove\",\"path\":\"/data/apiKey\"}]"))
        .isEqualTo("secret/petstore-key patched\n");

    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(kubectl.succeed("get", "intg", "petstore"))
                    .containsPattern(
                        "petstore\\s+petstore\\s+\\S+\\s+False\\s+SecretKeyNotFound\\s+\\d+s"));
    assertThat(kubectl.succeed("describe", "intg", "petstore"))
        .containsPattern("Warning\\s+SecretKeyNotFound\\s+\\S+\\s+integration-operator");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(output.toString(StandardCharsets.UTF_8))
                    .containsPattern("default\\s+petstore\\s+Ready\\s+False\\s+SecretKeyNotFound"));
  }

  @Test
  @Order(11)
  void deleteRemovesIntegrationAndItsRoles() throws Exception {
    assertThat(kubectl.succeed("delete", "intg", "petstore"))
        .isEqualTo("integration.integration-operator.io \"petstore\" deleted\n");

    Kubectl.Result missing = kubectl.run("get", "intg", "petstore");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr())
        .contains(
            "Error from server (NotFound): integrations.integration-operator.io \"petstore\" not found");
    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () -> assertThat(kubectl.run("get", "roles").stderr()).contains("No resources found"));
  }

  @Test
  @Order(12)
  void applyRejectsUnknownFieldAndWrongType() throws Exception {
    Path typo =
        Files.writeString(
            directory.resolve("typo.yaml"),
            integrationManifest(closedPort)
                .replace("name: petstore\nspec:", "name: typo\nspec:")
                .replace("basePath: /api/v3", "basePth: /api/v3"));
    Path wrongType =
        Files.writeString(
            directory.resolve("wrong-type.yaml"),
            integrationManifest(closedPort)
                .replace("name: petstore\nspec:", "name: wrong\nspec:")
                .replace("port: " + closedPort, "port: eighty"));

    Kubectl.Result unknownField = kubectl.run("apply", "-f", typo.toString());
    Kubectl.Result invalid = kubectl.run("apply", "-f", wrongType.toString());

    assertThat(unknownField.exitCode()).isEqualTo(1);
    assertThat(unknownField.stderr())
        .contains("strict decoding error: unknown field \"spec.server.basePth\"");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.stderr())
        .contains(
            "The Integration \"wrong\" is invalid: spec.server.port: Invalid value: \"string\": "
                + "spec.server.port in body must be of type integer: \"string\"");
  }

  @Test
  @Order(13)
  void serverSideApplyAndStatusPatchRejectUnknownFields() throws Exception {
    Path extra =
        Files.writeString(
            directory.resolve("extra.yaml"),
            integrationManifest(closedPort)
                .replace("name: petstore\nspec:", "name: extra\nspec:\n  foo: bar"));

    Kubectl.Result serverSide = kubectl.run("apply", "--server-side", "-f", extra.toString());
    kubectl.succeed("apply", "--server-side", "--validate=false", "-f", extra.toString());
    Kubectl.Result status =
        kubectl.run(
            "patch",
            "intg",
            "extra",
            "--subresource=status",
            "--type",
            "merge",
            "-p",
            "{\"status\":{\"bogus\":1}}");

    assertThat(serverSide.exitCode()).isEqualTo(1);
    assertThat(serverSide.stderr()).contains("unknown field \"spec.foo\"");
    assertThat(kubectl.succeed("get", "--raw", integrationPath("extra")))
        .doesNotContain("\"foo\"")
        .doesNotContain("\"status\":null");
    // kubectl patch sends no fieldValidation, so the field is pruned with a Warning.
    assertThat(status.exitCode()).as(status.output()).isZero();
    assertThat(status.stderr()).contains("unknown field \"status.bogus\"");
    assertThat(kubectl.succeed("get", "--raw", integrationPath("extra"))).doesNotContain("bogus");
  }

  private static String integrationPath(String name) {
    return "/apis/integration-operator.io/v1alpha1/namespaces/default/integrations/" + name;
  }

  private static String modelManifest() {
    return """
        apiVersion: integration-operator.io/v1alpha1
        kind: IntegrationModel
        metadata:
          name: petstore
        spec:
          documentFrom:
            configMapKeyRef: {name: petstore, key: openapi.yaml}
        """;
  }

  /** Points the Integration at a loopback port that nothing listens on. */
  private static String integrationManifest(int port) {
    return """
        apiVersion: integration-operator.io/v1alpha1
        kind: Integration
        metadata:
          name: petstore
        spec:
          modelRef: {name: petstore}
          server:
            protocol: http
            host: 127.0.0.1
            port: %d
            basePath: /api/v3
          authentication:
            scheme: api_key
            apiKey: {value: {secretKeyRef: {name: petstore-key, key: apiKey}}}
        """
        .formatted(port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
