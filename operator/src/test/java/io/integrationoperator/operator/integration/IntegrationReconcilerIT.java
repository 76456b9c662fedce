package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.integration.CaBundleSource;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.operator.OperatorFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class IntegrationReconcilerIT {
  /** Number of Integrations that concurrentIntegrationsGetOneProbeEach creates at once. */
  static final int CONCURRENT_INTEGRATIONS = 8;

  static KubernetesClient client;
  static OperatorFixture operator;
  static BasicAuthServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new BasicAuthServer("alice", "wonderland");
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    server.close();
  }

  static String document(String serverUrl, String... methods) {
    StringBuilder text =
        new StringBuilder(
            """
            openapi: 3.0.3
            info: {title: Pets, version: "2"}
            """);
    if (serverUrl != null) {
      text.append("servers: [{url: \"").append(serverUrl).append("\"}]\n");
    }
    text.append(
        """
        components:
          securitySchemes:
            basicAuth: {type: http, scheme: basic}
        paths:
          /pets:
        """);
    for (String method : methods) {
      text.append("    ")
          .append(method)
          .append(": {operationId: ")
          .append(method)
          .append("Pets, responses: {'200': {description: ok}}}\n");
    }
    return text.toString();
  }

  private void createModel(String namespace, String... methods) {
    client
        .resource(
            OperatorFixture.inlineModel(
                namespace, "pets", document(server.url() + "/api", methods)))
        .create();
    operator.awaitModelCondition(namespace, "pets", "Ready", "True", "Ready");
  }

  private static Consumer<IntegrationSpec> basic(String secretName) {
    return spec -> {
      Authentication auth = new Authentication();
      BasicAuthentication basic = new BasicAuthentication();
      basic.setSecretRef(new LocalObjectReference(secretName));
      auth.setBasic(basic);
      spec.setAuthentication(auth);
    };
  }

  private static void createSecret(String namespace, String name, Map<String, String> values) {
    client.resource(OperatorFixture.secret(namespace, name, values)).create();
  }

  private static void createIntegration(
      String namespace, String name, Consumer<IntegrationSpec> customizer) {
    client.resource(OperatorFixture.integration(namespace, name, "pets", customizer)).create();
  }

  @Test
  void reportsModelNotFound() {
    createIntegration("no-model", "api", spec -> {});

    Integration integration =
        operator.awaitIntegrationCondition("no-model", "api", "Ready", "False", "ModelNotFound");

    assertCondition(integration, "ModelResolved", "False", "ModelNotFound");
    assertCondition(integration, "SpecValid", "Unknown", "ModelNotResolved");
    assertCondition(integration, "CredentialsResolved", "Unknown", "ModelNotResolved");
    assertCondition(integration, "RolesReady", "Unknown", "ModelNotResolved");
    assertCondition(integration, "Connected", "Unknown", "ModelNotResolved");
    assertThat(integration.getStatus().getConditions())
        .extracting(c -> c.getType())
        .containsExactly(
            "ModelResolved",
            "SpecValid",
            "CredentialsResolved",
            "RolesReady",
            "Connected",
            "Ready");
    assertThat(integration.getStatus().getConditions())
        .allSatisfy(
            c ->
                assertThat(c.getObservedGeneration())
                    .isEqualTo(integration.getMetadata().getGeneration()));
  }

  @Test
  void reportsSchemeNotInModel() {
    createModel("scheme", "get");
    createSecret("scheme", "creds", Map.of("username", "alice", "password", "wonderland"));
    createIntegration(
        "scheme",
        "api",
        basic("creds").andThen(spec -> spec.getAuthentication().setScheme("oauth")));

    Integration integration =
        operator.awaitIntegrationCondition("scheme", "api", "Ready", "False", "SchemeNotInModel");

    assertCondition(integration, "SpecValid", "False", "SchemeNotInModel");
    assertThat(condition(integration, "SpecValid").getMessage()).contains("oauth", "basicAuth");
  }

  @Test
  void reportsInvalidServerWithoutHost() {
    client
        .resource(OperatorFixture.inlineModel("nohost", "pets", document("/api/v3", "get")))
        .create();
    createIntegration("nohost", "api", spec -> {});

    Integration integration =
        operator.awaitIntegrationCondition("nohost", "api", "SpecValid", "False", "InvalidServer");

    assertThat(condition(integration, "SpecValid").getMessage()).contains("spec.server.host");
    assertCondition(integration, "Ready", "False", "InvalidServer");
  }

  @Test
  void reportsSecretNotFound() {
    createModel("nosecret", "get");
    createIntegration("nosecret", "api", basic("missing"));

    Integration integration =
        operator.awaitIntegrationCondition(
            "nosecret", "api", "CredentialsResolved", "False", "SecretNotFound");

    assertThat(condition(integration, "CredentialsResolved").getMessage()).contains("missing");
    assertCondition(integration, "Connected", "Unknown", "CredentialsNotResolved");
    assertCondition(integration, "Ready", "False", "SecretNotFound");
  }

  @Test
  void reportsSecretKeyNotFoundWithoutValues() {
    createModel("nokey", "get");
    createSecret("nokey", "creds", Map.of("username", "alice-secret-value"));
    createIntegration("nokey", "api", basic("creds"));

    Integration integration =
        operator.awaitIntegrationCondition(
            "nokey", "api", "CredentialsResolved", "False", "SecretKeyNotFound");

    String message = condition(integration, "CredentialsResolved").getMessage();
    assertThat(message).contains("creds").contains("password");
    assertThat(message).doesNotContain("alice-secret-value");
    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(() -> !events("nokey", "SecretKeyNotFound").isEmpty());
    assertThat(events("nokey", "SecretKeyNotFound"))
        .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("alice-secret-value"));
  }

  @Test
  void createsRolesWithExactRules() {
    createModel("roles", "get", "post");
    createIntegration("roles", "api", spec -> {});

    Integration integration =
        operator.awaitIntegrationCondition("roles", "api", "RolesReady", "True", "RolesReady");

    assertThat(integration.getStatus().getRoles())
        .containsExactly("api-admin", "api-get", "api-post");
    Role get = role("roles", "api-get");
    assertThat(get.getRules())
        .containsExactly(rule("integrations/tasks", "get"), rule("integrations", "get"));
    Role admin = role("roles", "api-admin");
    assertThat(admin.getRules())
        .containsExactly(
            rule("integrations/tasks", "get", "post"),
            rule("integrations", "get", "update", "patch", "delete"));
    assertThat(get.getMetadata().getLabels())
        .containsEntry("integration-operator.io/integration", "api");
    assertThat(get.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(integration.getMetadata().getUid()));
  }

  @Test
  void roleSetFollowsModelChange() {
    createModel("verbs", "get", "post");
    createIntegration("verbs", "api", spec -> {});
    operator.awaitIntegrationCondition("verbs", "api", "RolesReady", "True", "RolesReady");
    assertThat(role("verbs", "api-post")).isNotNull();

    IntegrationModel model = operator.model("verbs", "pets");
    model.getSpec().setDocument(document(server.url() + "/api", "get", "delete"));
    client.resource(model).update();

    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(() -> role("verbs", "api-delete") != null && role("verbs", "api-post") == null);
    assertThat(role("verbs", "api-admin").getRules().get(0).getVerbs())
        .containsExactly("delete", "get");
    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(operator.integration("verbs", "api").getStatus().getRoles())
                    .containsExactly("api-admin", "api-delete", "api-get"));
  }

  @Test
  void projectsCredentialsAndFollowsRotation() {
    createModel("project", "get");
    createSecret("project", "creds", Map.of("username", "alice", "password", "old-password"));
    client
        .resource(
            OperatorFixture.configMap(
                "project", "ca", Map.of("bundle.pem", "-----BEGIN CERTIFICATE-----\n")))
        .create();
    createIntegration(
        "project",
        "api",
        basic("creds")
            .andThen(
                spec -> {
                  Tls tls = new Tls();
                  CaBundleSource caBundle = new CaBundleSource();
                  caBundle.setConfigMapKeyRef(new ConfigMapKeySelector("bundle.pem", "ca", false));
                  tls.setCaBundle(caBundle);
                  spec.setTls(tls);
                }));

    Integration integration =
        operator.awaitIntegrationCondition(
            "project", "api", "CredentialsResolved", "True", "CredentialsResolved");

    assertThat(integration.getStatus().getCredentialsSecret()).isEqualTo("api-credentials");
    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(() -> projected("project", "api") != null);
    Secret projected = projected("project", "api");
    assertThat(decoded(projected))
        .containsOnly(
            Map.entry("username", "alice"),
            Map.entry("password", "old-password"),
            Map.entry("ca.crt", "-----BEGIN CERTIFICATE-----\n"));
    assertThat(projected.getMetadata().getLabels())
        .containsEntry("integration-operator.io/integration", "api");
    assertThat(projected.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("api"));

    Secret source = client.secrets().inNamespace("project").withName("creds").get();
    source.setData(Map.of("username", encode("alice"), "password", encode("new-password")));
    client.resource(source).update();

    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(() -> "new-password".equals(decoded(projected("project", "api")).get("password")));
  }

  @Test
  void modelDeletionKeepsGeneratedObjects() {
    createModel("deleted", "get");
    createIntegration("deleted", "api", spec -> {});
    operator.awaitIntegrationCondition("deleted", "api", "RolesReady", "True", "RolesReady");

    client.resources(IntegrationModel.class).inNamespace("deleted").withName("pets").delete();

    Integration integration =
        operator.awaitIntegrationCondition("deleted", "api", "Ready", "False", "ModelNotFound");
    assertThat(role("deleted", "api-admin")).isNotNull();
    assertThat(role("deleted", "api-get")).isNotNull();
    assertThat(integration.getStatus().getRoles()).containsExactly("api-admin", "api-get");
  }

  @Test
  void connectsWithBasicAuthentication() {
    createModel("connect", "get");
    createSecret("connect", "creds", Map.of("username", "alice", "password", "wonderland"));
    createIntegration("connect", "api", basic("creds"));

    Integration integration =
        operator.awaitIntegrationCondition("connect", "api", "Ready", "True", "Ready");

    assertCondition(integration, "Connected", "True", "ProbeSucceeded");
    assertThat(integration.getStatus().getEndpoint()).isEqualTo(server.url() + "/api");
    assertThat(integration.getStatus().getLastProbe().getResponse().getStatus()).isEqualTo(200);
    assertThat(integration.getStatus().getLastProbe().getTime()).isNotBlank();
    assertThat(integration.getStatus().getModel().getName()).isEqualTo("pets");
    assertThat(integration.getStatus().getModel().getTaskCount()).isEqualTo(1);
  }

  @Test
  void probeTaskCallsTaskPath() {
    createModel("probetask", "get", "post");
    createSecret("probetask", "creds", Map.of("username", "alice", "password", "wonderland"));
    createIntegration(
        "probetask",
        "api",
        basic("creds")
            .andThen(
                spec -> {
                  Probe probe = new Probe();
                  probe.setTask("postPets");
                  spec.setProbe(probe);
                }));

    Integration integration =
        operator.awaitIntegrationCondition(
            "probetask", "api", "Connected", "True", "ProbeSucceeded");

    assertThat(integration.getStatus().getLastProbe().getResponse().getMethod()).isEqualTo("POST");
    assertThat(integration.getStatus().getLastProbe().getResponse().getUrl())
        .isEqualTo(server.url() + "/api/pets");
    assertThat(server.requestLines()).contains("POST /api/pets");
  }

  @Test
  void reportsHttpErrorForWrongPassword() {
    createModel("wrong", "get");
    createSecret("wrong", "creds", Map.of("username", "alice", "password", "guess"));
    createIntegration("wrong", "api", basic("creds"));

    Integration integration =
        operator.awaitIntegrationCondition("wrong", "api", "Connected", "False", "HttpError");

    assertThat(condition(integration, "Connected").getMessage()).contains("401");
    assertThat(integration.getStatus().getLastProbe().getResponse().getStatus()).isEqualTo(401);
    assertCondition(integration, "Ready", "False", "HttpError");
  }

  @Test
  void unchangedIntegrationIsNotRewritten() throws Exception {
    createModel("steady", "get");
    createSecret("steady", "creds", Map.of("username", "alice", "password", "wonderland"));
    createIntegration("steady", "api", basic("creds"));
    Integration ready =
        operator.awaitIntegrationCondition("steady", "api", "Ready", "True", "Ready");
    String transitionTime = condition(ready, "Ready").getLastTransitionTime();
    int requests = server.requestCount();

    // A label change is an event for the Integration that changes nothing the operator owns.
    ready.getMetadata().setLabels(Map.of("touched", "yes"));
    client.resource(ready).update();
    Thread.sleep(3000);

    Integration after = operator.integration("steady", "api");
    assertThat(after.getStatus().getLastProbe().getTime())
        .isEqualTo(ready.getStatus().getLastProbe().getTime());
    assertThat(condition(after, "Ready").getLastTransitionTime()).isEqualTo(transitionTime);
    assertThat(server.requestCount()).isEqualTo(requests);
    assertThat(events("steady", "Ready")).hasSize(1);
    assertThat(events("steady", "ProbeSucceeded")).hasSize(1);
  }

  @Test
  void concurrentIntegrationsGetOneProbeEach() throws Exception {
    createModel("burst", "get");
    createSecret("burst", "creds", Map.of("username", "alice", "password", "wonderland"));
    int requests = server.requestCount();
    List<String> names =
        IntStream.range(0, CONCURRENT_INTEGRATIONS).mapToObj(i -> "api-" + i).toList();

    // Creating its Roles and its Secret queues events for each Integration, so a second reconcile
    // starts right after the first one writes the status. It must read that status back.
    names.forEach(name -> createIntegration("burst", name, basic("creds")));
    for (String name : names) {
      operator.awaitIntegrationCondition("burst", name, "Ready", "True", "Ready");
    }
    // Lets the reconciles that those events queued finish.
    Thread.sleep(3000);

    assertThat(server.requestCount() - requests).as("probes").isEqualTo(CONCURRENT_INTEGRATIONS);
    for (String name : names) {
      assertThat(events("burst", "Ready"))
          .as("Ready Events of " + name)
          .filteredOn(e -> name.equals(e.getInvolvedObject().getName()))
          .hasSize(1);
    }
  }

  private static Role role(String namespace, String name) {
    return client.rbac().roles().inNamespace(namespace).withName(name).get();
  }

  private static Secret projected(String namespace, String integration) {
    return client.secrets().inNamespace(namespace).withName(integration + "-credentials").get();
  }

  private static Map<String, String> decoded(Secret secret) {
    return secret.getData().entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static PolicyRule rule(String resource, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups("integration-operator.io")
        .withResources(resource)
        .withResourceNames("api")
        .withVerbs(verbs)
        .build();
  }

  private static List<Event> events(String namespace, String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  private static io.fabric8.kubernetes.api.model.Condition condition(
      Integration integration, String type) {
    return OperatorFixture.condition(integration.getStatus().getConditions(), type).orElseThrow();
  }

  private static void assertCondition(
      Integration integration, String type, String status, String reason) {
    io.fabric8.kubernetes.api.model.Condition condition = condition(integration, type);
    assertThat(condition.getStatus()).as(type + " status").isEqualTo(status);
    assertThat(condition.getReason()).as(type + " reason").isEqualTo(reason);
  }
}
