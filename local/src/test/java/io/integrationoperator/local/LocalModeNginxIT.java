package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connects an Integration created with kubectl in local mode to a real nginx over HTTPS with Basic
 * authentication, trusting nginx's CA through a ConfigMap, and checks what kubectl shows when a
 * credential key disappears.
 */
@Tag("real-server")
@TestMethodOrder(OrderAnnotation.class)
class LocalModeNginxIT {

  private static final Duration OPERATOR_TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path directory;

  private static NginxServer nginx;
  private static LocalMode localMode;
  private static Kubectl kubectl;
  private static ByteArrayOutputStream output;

  @BeforeAll
  static void start() throws Exception {
    TestCertificates certificates =
        TestCertificates.create(Files.createDirectories(directory.resolve("certificates")));
    nginx =
        NginxServer.builder().tls(certificates.server()).basicAuth("alice", "wonderland").start();
    Files.writeString(directory.resolve("ca.pem"), certificates.caPem());
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
  static void stop() {
    if (localMode != null) {
      localMode.close();
    }
    if (nginx != null) {
      nginx.close();
    }
  }

  @Test
  @Order(1)
  void integrationWithCaBundleBecomesReady() throws Exception {
    kubectl.succeed(
        "create", "configmap", "trust", "--from-file=ca.pem=" + directory.resolve("ca.pem"));
    kubectl.succeed(
        "create",
        "secret",
        "generic",
        "login",
        "--from-literal=username=alice",
        "--from-literal=password=wonderland");
    Path manifests = Files.writeString(directory.resolve("pets.yaml"), manifests(nginx.apiUrl()));

    assertThat(kubectl.succeed("apply", "-f", manifests.toString()))
        .isEqualTo(
            "integrationmodel.integration-operator.io/pets created\n"
                + "integration.integration-operator.io/pets created\n");

    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(kubectl.succeed("get", "intg", "pets"))
                    .containsPattern(
                        "pets\\s+pets\\s+"
                            + nginx.apiUrl().replace(".", "\\.")
                            + "\\s+True\\s+Ready\\s+\\d+s"));
    assertThat(kubectl.succeed("describe", "intg", "pets"))
        .containsPattern(
            "Normal\\s+ProbeSucceeded\\s+\\S+\\s+integration-operator\\s+Connected is True");
  }

  @Test
  @Order(2)
  void removedPasswordKeyShowsSecretKeyNotFound() throws Exception {
    kubectl.succeed(
        "patch",
        "secret",
        "login",
        "--type",
        "json",
        "-p",
        "[{\"op\":\"remove\",\"path\":\"/data/password\"}]");

    await()
        .atMost(OPERATOR_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(kubectl.succeed("get", "intg", "pets"))
                    .containsPattern(
                        "pets\\s+pets\\s+\\S+\\s+False\\s+SecretKeyNotFound\\s+\\d+s"));
    String description = kubectl.succeed("describe", "intg", "pets");
    assertThat(description).containsPattern("Reason:\\s+SecretKeyNotFound");
    assertThat(description)
        .containsPattern("Warning\\s+SecretKeyNotFound\\s+\\S+\\s+integration-operator");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(output.toString(StandardCharsets.UTF_8))
                    .containsPattern("default\\s+pets\\s+Ready\\s+False\\s+SecretKeyNotFound"));
  }

  private static String manifests(String serverUrl) {
    return """
        apiVersion: integration-operator.io/v1alpha1
        kind: IntegrationModel
        metadata:
          name: pets
        spec:
          document: |
            openapi: 3.0.3
            info: {title: Pets, version: "2"}
            servers: [{url: "%s"}]
            components:
              securitySchemes:
                basicAuth: {type: http, scheme: basic}
            paths:
              /pet/1:
                get: {operationId: getPet, responses: {'200': {description: ok}}}
        ---
        apiVersion: integration-operator.io/v1alpha1
        kind: Integration
        metadata:
          name: pets
        spec:
          modelRef: {name: pets}
          authentication:
            basic: {secretRef: {name: login}}
          tls:
            caBundle: {configMapKeyRef: {name: trust, key: ca.pem}}
        """
        .formatted(serverUrl);
  }
}
