package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.client.testing.EtcdServer;
import io.integrationoperator.operator.OperatorFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Probes a real etcd with authentication enabled, whose API key the operator obtains with the key
 * request that the model's x-itential-dynamic-retrieval extension describes.
 */
@Tag("real-server")
@EnableKubernetesMockClient(crud = true)
class EtcdConnectionIT {
  private static final String ROOT_PASSWORD = "etcd-Root-4";

  static KubernetesClient client;
  static OperatorFixture operator;
  static EtcdServer etcd;

  @BeforeAll
  static void start() throws Exception {
    etcd = EtcdServer.start(Duration.ofMinutes(5));
    etcd.enableAuth(ROOT_PASSWORD);
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (etcd != null) {
      etcd.close();
    }
  }

  @Test
  void requestedKeyConnects() throws IOException {
    prepare("good", ROOT_PASSWORD);
    long keyRequestsBefore = etcd.startedCalls("Authenticate");
    client.resource(OperatorFixture.integration("good", "kv", "etcd", dynamicKey())).create();

    Integration integration =
        operator.awaitIntegrationCondition("good", "kv", "Connected", "True", "ProbeSucceeded");

    assertThat(integration.getStatus().getEndpoint()).isEqualTo(etcd.baseUrl());
    assertThat(integration.getStatus().getLastProbe().getResponse().getStatus()).isEqualTo(200);
    assertThat(integration.getStatus().getLastProbe().getResponse().getUrl())
        .isEqualTo(etcd.baseUrl() + "/health");
    assertThat(etcd.startedCalls("Authenticate") - keyRequestsBefore).isEqualTo(1);
  }

  @Test
  void wrongPasswordIsTokenRequestFailed() throws IOException {
    String wrongPassword = "not-the-Root-4";
    prepare("wrong", wrongPassword);
    client.resource(OperatorFixture.integration("wrong", "kv", "etcd", dynamicKey())).create();

    Integration integration =
        operator.awaitIntegrationCondition(
            "wrong", "kv", "Connected", "False", "TokenRequestFailed");

    String keyUrl = etcd.baseUrl() + "/v3/auth/authenticate";
    ResponseEnvelope response = integration.getStatus().getLastProbe().getResponse();
    assertThat(response.getMethod()).isEqualTo("POST");
    assertThat(response.getUrl()).isEqualTo(keyUrl);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getBody().path("error").asText())
        .isEqualTo("etcdserver: authentication failed, invalid user ID or password");
    String message =
        OperatorFixture.condition(integration.getStatus().getConditions(), "Connected")
            .orElseThrow()
            .getMessage();
    assertThat(message).contains("the key request POST " + keyUrl + " returned 400");
    assertThat(message).doesNotContain(wrongPassword);
    assertThat(integration.getStatus().toString()).doesNotContain(wrongPassword);
  }

  /** Creates the etcd model, pointed at the test's etcd, and the Secret with the password. */
  private static void prepare(String namespace, String password) throws IOException {
    String document = modelDocument().replace("http://127.0.0.1:2379", etcd.baseUrl());
    client.resource(OperatorFixture.inlineModel(namespace, "etcd", document)).create();
    client
        .resource(OperatorFixture.secret(namespace, "etcd-login", Map.of("password", password)))
        .create();
  }

  /** Returns an apiKey block without value, name root inline and the password from a Secret. */
  private static Consumer<IntegrationSpec> dynamicKey() {
    return spec -> {
      AuthenticationParameter name = new AuthenticationParameter();
      name.setName("name");
      name.setValue("root");
      SecretValueSource passwordSource = new SecretValueSource();
      passwordSource.setSecretKeyRef(new SecretKeySelector("password", "etcd-login", false));
      AuthenticationParameter password = new AuthenticationParameter();
      password.setName("password");
      password.setValueFrom(passwordSource);
      Authentication auth = new Authentication();
      auth.setApiKey(new ApiKeyAuthentication());
      auth.setParameters(List.of(name, password));
      spec.setAuthentication(auth);
      // etcd's gateway serves its API with POST only, and GET /health returns 200 to any caller.
      Probe probe = new Probe();
      probe.setPath("/health");
      spec.setProbe(probe);
    };
  }

  /** Returns the etcd key-value model with both vendor extensions, from the client test jar. */
  private static String modelDocument() throws IOException {
    try (InputStream in =
        EtcdConnectionIT.class.getResourceAsStream("/etcd/etcd-kv-dynamic-key.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
