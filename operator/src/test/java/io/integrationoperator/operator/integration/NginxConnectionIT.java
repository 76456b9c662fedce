package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.integration.CaBundleSource;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.TestCertificates;
import io.integrationoperator.operator.OperatorFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes a real nginx with Basic authentication over HTTPS, trusting its CA from a ConfigMap. */
@Tag("real-server")
@EnableKubernetesMockClient(crud = true)
class NginxConnectionIT {
  static KubernetesClient client;
  static OperatorFixture operator;
  static NginxServer nginx;
  static TestCertificates certificates;

  @TempDir static Path certificateDirectory;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(certificateDirectory);
    nginx =
        NginxServer.builder().tls(certificates.server()).basicAuth("alice", "wonderland").start();
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    nginx.close();
  }

  @Test
  void basicAuthOverHttpsWithCaBundleConnects() {
    prepare("good", "wonderland");
    client.resource(OperatorFixture.integration("good", "api", "pets", basicWithCa())).create();

    Integration integration =
        operator.awaitIntegrationCondition("good", "api", "Connected", "True", "ProbeSucceeded");

    assertThat(integration.getStatus().getEndpoint()).isEqualTo(nginx.apiUrl());
    assertThat(integration.getStatus().getLastProbe().getResponse().getStatus()).isEqualTo(200);
    assertThat(integration.getStatus().getLastProbe().getError()).isNull();
    operator.awaitIntegrationCondition("good", "api", "Ready", "True", "Ready");
  }

  @Test
  void wrongPasswordIsHttpError401() {
    prepare("wrong", "not-the-password");
    client.resource(OperatorFixture.integration("wrong", "api", "pets", basicWithCa())).create();

    Integration integration =
        operator.awaitIntegrationCondition("wrong", "api", "Connected", "False", "HttpError");

    assertThat(integration.getStatus().getLastProbe().getResponse().getStatus()).isEqualTo(401);
    assertThat(
            OperatorFixture.condition(integration.getStatus().getConditions(), "Connected")
                .orElseThrow()
                .getMessage())
        .contains("401");
  }

  @Test
  void untrustedCertificateIsTlsHandshakeFailed() {
    prepare("untrusted", "wonderland");
    Consumer<IntegrationSpec> basicOnly = basicWithCa().andThen(spec -> spec.setTls(null));
    client.resource(OperatorFixture.integration("untrusted", "api", "pets", basicOnly)).create();

    operator.awaitIntegrationCondition(
        "untrusted", "api", "Connected", "False", "TlsHandshakeFailed");
  }

  private static void prepare(String namespace, String password) {
    String document = IntegrationReconcilerIT.document(nginx.apiUrl(), "get");
    client.resource(OperatorFixture.inlineModel(namespace, "pets", document)).create();
    client
        .resource(
            OperatorFixture.secret(
                namespace, "login", Map.of("username", "alice", "password", password)))
        .create();
    client
        .resource(
            OperatorFixture.configMap(namespace, "trust", Map.of("ca.pem", certificates.caPem())))
        .create();
  }

  private static Consumer<IntegrationSpec> basicWithCa() {
    return spec -> {
      Authentication auth = new Authentication();
      BasicAuthentication basic = new BasicAuthentication();
      basic.setSecretRef(new LocalObjectReference("login"));
      auth.setBasic(basic);
      spec.setAuthentication(auth);
      Tls tls = new Tls();
      CaBundleSource caBundle = new CaBundleSource();
      caBundle.setConfigMapKeyRef(new ConfigMapKeySelector("ca.pem", "trust", false));
      tls.setCaBundle(caBundle);
      spec.setTls(tls);
    };
  }
}
