package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.MutualTlsAuthentication;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.TestCertificates;
import io.integrationoperator.client.testing.TestCertificates.Issued;
import io.integrationoperator.client.testing.TestCertificates.KeyFormat;
import io.integrationoperator.operator.OperatorFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connects the operator to a real nginx that requires a client certificate from the test CA. The
 * kubernetes.io/tls Secret carries a client certificate below an intermediate CA, its SEC1 EC key
 * after an EC PARAMETERS block, as openssl writes it, and the CA in ca.crt, which is the only
 * source of trust for the server certificate.
 */
@Tag("real-server")
@EnableKubernetesMockClient(crud = true)
class MutualTlsConnectionIT {
  static KubernetesClient client;
  static OperatorFixture operator;
  static NginxServer nginx;
  static TestCertificates certificates;

  @TempDir static Path certificateDirectory;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(certificateDirectory);
    nginx =
        NginxServer.builder()
            .tls(certificates.server())
            .requireClientCertificate(certificates.ca())
            .clientVerifyDepth(2)
            .start();
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    nginx.close();
  }

  @Test
  void clientCertificateConnects() {
    Issued leaf = certificates.clientOfIntermediate();
    prepare("mtls", leaf, TestCertificates.keyPem(leaf, KeyFormat.SEC1_EC_WITH_PARAMETERS));
    client.resource(OperatorFixture.integration("mtls", "api", "secure", mutualTls())).create();

    Integration integration =
        operator.awaitIntegrationCondition("mtls", "api", "Connected", "True", "ProbeSucceeded");

    var response = integration.getStatus().getLastProbe().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getBody().get("verify").asText()).isEqualTo("SUCCESS");
    assertThat(response.getBody().get("subject").asText()).isEqualTo("CN=test-leaf");
    assertThat(condition(integration, "TlsVerified").getStatus()).isEqualTo("True");
    assertThat(condition(integration, "TlsVerified").getReason()).isEqualTo("TlsVerified");
    operator.awaitIntegrationCondition("mtls", "api", "Ready", "True", "Ready");
    String credentials = integration.getStatus().getCredentialsSecret();
    Secret projected = client.secrets().inNamespace("mtls").withName(credentials).get();
    assertThat(projected.getData()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
  }

  @Test
  void mismatchedKeyIsInvalidRequest() {
    Issued other = certificates.clientSignedByOtherCa();
    prepare("mismatch", certificates.client(), other.privateKeyPem());
    client.resource(OperatorFixture.integration("mismatch", "api", "secure", mutualTls())).create();

    Integration integration =
        operator.awaitIntegrationCondition(
            "mismatch", "api", "Connected", "False", "InvalidRequest");

    String message = condition(integration, "Connected").getMessage();
    assertThat(message).startsWith("tls.key does not match the client certificate in tls.crt");
    assertThat(message).doesNotContain(other.privateKeyPem().substring(28, 60));
    assertThat(integration.getStatus().getLastProbe().getError()).isEqualTo(message);
  }

  @Test
  void verifyFalseWarnsOncePerTransition() {
    Issued leaf = certificates.client();
    prepare("insecure", leaf, leaf.privateKeyPem());
    Consumer<IntegrationSpec> insecure =
        mutualTls().andThen(spec -> spec.getTls().setVerify(false));
    client.resource(OperatorFixture.integration("insecure", "api", "secure", insecure)).create();

    Integration integration =
        operator.awaitIntegrationCondition(
            "insecure", "api", "TlsVerified", "False", "TlsVerificationDisabled");
    operator.awaitIntegrationCondition("insecure", "api", "Ready", "True", "Ready");

    assertThat(condition(integration, "TlsVerified").getMessage())
        .startsWith("spec.tls.verify is false");
    await().until(() -> events("TlsVerificationDisabled").size() == 1);
    Event warning = events("TlsVerificationDisabled").get(0);
    assertThat(warning.getType()).isEqualTo("Warning");
    assertThat(warning.getMessage()).startsWith("TlsVerified is False: spec.tls.verify is false");

    // A new generation reconciles and probes again, without a second Warning.
    editSpec(spec -> spec.setTimeout("20s"));
    awaitObservedGeneration(2);
    assertThat(events("TlsVerificationDisabled")).hasSize(1);

    editSpec(spec -> spec.getTls().setVerify(true));
    operator.awaitIntegrationCondition("insecure", "api", "TlsVerified", "True", "TlsVerified");
    operator.awaitIntegrationCondition("insecure", "api", "Connected", "True", "ProbeSucceeded");
    await().until(() -> events("TlsVerified").size() == 1);
    assertThat(events("TlsVerified").get(0).getType()).isEqualTo("Normal");
    assertThat(events("TlsVerificationDisabled")).hasSize(1);
  }

  private static void prepare(String namespace, Issued clientCertificate, String keyPem) {
    String document =
        """
        openapi: 3.1.0
        info: {title: Client certificates, version: "1"}
        servers: [{url: "%s/public"}]
        components:
          securitySchemes:
            clientCert: {type: mutualTLS}
        paths:
          /client-certificate:
            get: {operationId: getVerdict, responses: {'200': {description: ok}}}
        """
            .formatted(nginx.baseUrl());
    client.resource(OperatorFixture.inlineModel(namespace, "secure", document)).create();
    Secret tlsSecret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName("client-tls")
            .endMetadata()
            .withType("kubernetes.io/tls")
            .withStringData(
                Map.of(
                    "tls.crt", clientCertificate.certificatePem(),
                    "tls.key", keyPem,
                    "ca.crt", certificates.caPem()))
            .build();
    client.resource(tlsSecret).create();
  }

  private static Consumer<IntegrationSpec> mutualTls() {
    return spec -> {
      Authentication auth = new Authentication();
      MutualTlsAuthentication mutualTls = new MutualTlsAuthentication();
      mutualTls.setSecretRef(new LocalObjectReference("client-tls"));
      auth.setMutualTls(mutualTls);
      spec.setAuthentication(auth);
      Probe probe = new Probe();
      probe.setPath("/client-certificate");
      spec.setProbe(probe);
      spec.setTls(new Tls());
    };
  }

  private static void editSpec(Consumer<IntegrationSpec> change) {
    client
        .resources(Integration.class)
        .inNamespace("insecure")
        .withName("api")
        .edit(
            integration -> {
              change.accept(integration.getSpec());
              return integration;
            });
  }

  private static void awaitObservedGeneration(long generation) {
    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(
            () -> {
              Integration integration = operator.integration("insecure", "api");
              return integration.getStatus() != null
                  && Long.valueOf(generation)
                      .equals(integration.getStatus().getObservedGeneration());
            });
  }

  private static List<Event> events(String reason) {
    return client.v1().events().inNamespace("insecure").list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  private static Condition condition(Integration integration, String type) {
    return OperatorFixture.condition(integration.getStatus().getConditions(), type).orElseThrow();
  }
}
