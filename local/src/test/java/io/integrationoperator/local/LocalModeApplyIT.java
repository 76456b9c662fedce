package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that objects applied at startup behave like objects applied with kubectl. */
class LocalModeApplyIT {

  @TempDir static Path directory;

  private static LocalMode localMode;
  private static Kubectl kubectl;
  private static Path manifests;
  private static ByteArrayOutputStream output;

  @BeforeAll
  static void start() throws Exception {
    manifests = Files.createDirectories(directory.resolve("manifests"));
    Files.writeString(
        manifests.resolve("10-config.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: local
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: login
          labels: {app: inventory}
        type: Opaque
        data:
          username: YXV0b21hdGlvbg==
        """);
    Files.writeString(
        manifests.resolve("20-model.yaml"),
        """
        apiVersion: integration-operator.io/v1alpha1
        kind: IntegrationModel
        metadata:
          name: tiny
        spec:
          document: |
            openapi: 3.0.3
            info: {title: Tiny, version: "1"}
            paths:
              /ping:
                get: {operationId: ping, responses: {'200': {description: ok}}}
        """);
    Files.writeString(manifests.resolve("notes.txt"), "not a manifest");
    // Subdirectories are not applied, which keeps samples/sidecar/ out of the default apply.
    Files.writeString(
        Files.createDirectories(manifests.resolve("sidecar")).resolve("workload.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: in-subdirectory
        """);
    output = new ByteArrayOutputStream();
    localMode =
        LocalMode.start(
            new LocalModeOptions(
                directory.resolve("kubeconfig"), 0, 0, List.of(manifests), false, false),
            new PrintStream(output, true, StandardCharsets.UTF_8));
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
  void startupReportsAppliedObjects() {
    String startup = output.toString(StandardCharsets.UTF_8);

    assertThat(startup).contains("Applied 3 object(s) from " + manifests);
    assertThat(startup).contains("Operator:    not started");
  }

  @Test
  void kubectlApplySeesNoChange() throws Exception {
    assertThat(kubectl.succeed("apply", "-f", manifests.resolve("10-config.yaml").toString()))
        .isEqualTo("configmap/settings unchanged\nsecret/login unchanged\n");
    assertThat(kubectl.succeed("apply", "-f", manifests.resolve("20-model.yaml").toString()))
        .isEqualTo("integrationmodel.integration-operator.io/tiny unchanged\n");
  }

  @Test
  void appliedObjectsLandInDefaultNamespace() throws Exception {
    assertThat(
            kubectl.succeed(
                "get",
                "configmap,secret,im",
                "-A",
                "-o",
                "custom-columns=NS:.metadata.namespace",
                "--no-headers"))
        .isEqualTo("default\ndefault\ndefault\n");
  }
}
