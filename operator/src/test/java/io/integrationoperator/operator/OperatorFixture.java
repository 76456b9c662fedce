package io.integrationoperator.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.ModelReference;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelSpec;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts the real operator against a fabric8 mock API server in CRUD mode and builds the objects
 * the tests apply.
 */
public final class OperatorFixture implements AutoCloseable {
  /** Upper bound for the operator to react to a change. */
  public static final Duration REACTION_TIMEOUT = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private final Operator operator;

  private OperatorFixture(KubernetesClient client, Operator operator) {
    this.client = client;
    this.operator = operator;
  }

  /** Installs the CRDs from the repository's crds/ folder and starts the operator. */
  public static OperatorFixture start(KubernetesClient client) throws IOException {
    return start(
        client, OperatorSettings.inProcess().withDefaultProbeInterval(Duration.ofMinutes(5)));
  }

  /** Installs the CRDs and starts the operator with the given settings. */
  public static OperatorFixture start(KubernetesClient client, OperatorSettings settings)
      throws IOException {
    installCrds(client);
    Operator operator = IntegrationOperator.create(client, settings);
    operator.start();
    return new OperatorFixture(client, operator);
  }

  @Override
  public void close() {
    operator.stop();
  }

  /** Returns the path of a file in the repository's shared folder of public OpenAPI documents. */
  public static Path sharedDocument(String fileName) {
    return Path.of(System.getProperty("shared.dir"), "openapi", fileName);
  }

  /** Creates the CRDs from the repository's crds/ folder. */
  static void installCrds(KubernetesClient client) throws IOException {
    Path crds = Path.of(System.getProperty("project.root"), "crds");
    try (Stream<Path> files = Files.list(crds)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          client.apiextensions().v1().customResourceDefinitions().load(in).create();
        }
      }
    }
  }

  public static IntegrationModel inlineModel(String namespace, String name, String document) {
    IntegrationModel model = new IntegrationModel();
    model.getMetadata().setNamespace(namespace);
    model.getMetadata().setName(name);
    IntegrationModelSpec spec = new IntegrationModelSpec();
    spec.setDocument(document);
    model.setSpec(spec);
    return model;
  }

  public static Integration integration(
      String namespace, String name, String model, Consumer<IntegrationSpec> customizer) {
    Integration integration = new Integration();
    integration.getMetadata().setNamespace(namespace);
    integration.getMetadata().setName(name);
    IntegrationSpec spec = new IntegrationSpec();
    ModelReference reference = new ModelReference();
    reference.setName(model);
    spec.setModelRef(reference);
    customizer.accept(spec);
    integration.setSpec(spec);
    return integration;
  }

  public static Secret secret(String namespace, String name, Map<String, String> values) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withStringData(values)
        .build();
  }

  public static ConfigMap configMap(String namespace, String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withData(data)
        .build();
  }

  /** Waits until the Integration's condition has the status and reason, and returns it. */
  public Integration awaitIntegrationCondition(
      String namespace, String name, String type, String status, String reason) {
    await()
        .atMost(REACTION_TIMEOUT)
        .until(
            () -> {
              Integration integration = integration(namespace, name);
              return integration != null
                  && integration.getStatus() != null
                  && condition(integration.getStatus().getConditions(), type)
                      .filter(c -> status.equals(c.getStatus()) && reason.equals(c.getReason()))
                      .isPresent();
            });
    return integration(namespace, name);
  }

  /** Waits until the model's condition has the status and reason, and returns the model. */
  public IntegrationModel awaitModelCondition(
      String namespace, String name, String type, String status, String reason) {
    await()
        .atMost(REACTION_TIMEOUT)
        .until(
            () -> {
              IntegrationModel model = model(namespace, name);
              return model != null
                  && model.getStatus() != null
                  && condition(model.getStatus().getConditions(), type)
                      .filter(c -> status.equals(c.getStatus()) && reason.equals(c.getReason()))
                      .isPresent();
            });
    return model(namespace, name);
  }

  public Integration integration(String namespace, String name) {
    return client.resources(Integration.class).inNamespace(namespace).withName(name).get();
  }

  public IntegrationModel model(String namespace, String name) {
    return client.resources(IntegrationModel.class).inNamespace(namespace).withName(name).get();
  }

  public static Optional<Condition> condition(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
