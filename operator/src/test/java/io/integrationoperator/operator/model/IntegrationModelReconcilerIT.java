package io.integrationoperator.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.api.model.DocumentSource;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.TaskStatus;
import io.integrationoperator.client.catalog.DocumentLoader;
import io.integrationoperator.operator.OperatorFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class IntegrationModelReconcilerIT {
  static KubernetesClient client;
  static OperatorFixture operator;

  static final String PETS =
      """
      openapi: 3.0.3
      info: {title: Mini Pets, version: 1.2.3}
      servers: [{url: "https://pets.example.test/api"}]
      components:
        securitySchemes:
          basicAuth: {type: http, scheme: basic}
      paths:
        /pets:
          get: {operationId: listPets, responses: {'200': {description: ok}}}
          post: {operationId: addPet, responses: {'201': {description: created}}}
        /pets/{id}:
          delete:
            operationId: listPets
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {'204': {description: deleted}}
      """;

  @BeforeAll
  static void startOperator() throws Exception {
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void inlineDocumentFillsStatus() {
    client.resource(OperatorFixture.inlineModel("inline", "pets", PETS)).create();

    IntegrationModel model =
        operator.awaitModelCondition("inline", "pets", "Ready", "True", "Ready");

    assertThat(model.getStatus().getTitle()).isEqualTo("Mini Pets");
    assertThat(model.getStatus().getVersion()).isEqualTo("1.2.3");
    assertThat(model.getStatus().getOpenapiVersion()).isEqualTo("3.0.3");
    assertThat(model.getStatus().getDefaultServer()).isEqualTo("https://pets.example.test/api");
    assertThat(model.getStatus().getMethods()).containsExactly("delete", "get", "post");
    assertThat(model.getStatus().getTaskCount()).isEqualTo(3);
    assertThat(model.getStatus().getTasks())
        .extracting(TaskStatus::getMethod, TaskStatus::getPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/pets"),
            org.assertj.core.groups.Tuple.tuple("POST", "/pets"),
            org.assertj.core.groups.Tuple.tuple("DELETE", "/pets/{id}"));
    assertThat(model.getStatus().getSecuritySchemes()).hasSize(1);
    assertThat(model.getStatus().getSecuritySchemes().get(0).getName()).isEqualTo("basicAuth");
    assertThat(model.getStatus().getObservedGeneration())
        .isEqualTo(model.getMetadata().getGeneration());
  }

  @Test
  void duplicateOperationIdIsReported() {
    client.resource(OperatorFixture.inlineModel("renamed", "pets", PETS)).create();

    IntegrationModel model =
        operator.awaitModelCondition("renamed", "pets", "Valid", "True", "DocumentValid");

    Condition valid = OperatorFixture.condition(model.getStatus().getConditions(), "Valid").get();
    assertThat(valid.getMessage()).contains("listPets").contains("1 warning");
    assertThat(model.getStatus().getTasks().get(2).getName()).isNotEqualTo("listPets");
    org.awaitility.Awaitility.await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(() -> events("renamed", "DocumentWarnings").size() == 1);
  }

  @Test
  void configMapDocumentFromSharedFolder() throws Exception {
    String text = Files.readString(OperatorFixture.sharedDocument("swagger-petstore-oas30.yaml"));
    client
        .resource(OperatorFixture.configMap("shared", "petstore-doc", Map.of("openapi.yaml", text)))
        .create();
    client.resource(configMapModel("shared", "petstore", "petstore-doc", "openapi.yaml")).create();

    IntegrationModel model =
        operator.awaitModelCondition("shared", "petstore", "Ready", "True", "Ready");

    assertThat(model.getStatus().getTitle()).startsWith("Swagger Petstore");
    assertThat(model.getStatus().getTaskCount()).isEqualTo(19);
    assertThat(model.getStatus().getMethods()).containsExactly("delete", "get", "post", "put");
  }

  @Test
  void gzipDocumentInBinaryData() throws Exception {
    byte[] text =
        Files.readAllBytes(OperatorFixture.sharedDocument("kubernetes-v1.27.0-swagger20.json"));
    client
        .resource(binaryConfigMap("gzip", "kubernetes-doc", "openapi.json.gz", gzip(text)))
        .create();
    client
        .resource(configMapModel("gzip", "kubernetes", "kubernetes-doc", "openapi.json.gz"))
        .create();

    IntegrationModel model =
        operator.awaitModelCondition("gzip", "kubernetes", "Ready", "True", "Ready");

    assertThat(model.getStatus().getOpenapiVersion()).isEqualTo("2.0");
    assertThat(model.getStatus().getTaskCount()).isEqualTo(738);
  }

  @Test
  void gzipBombIsTooLarge() throws Exception {
    byte[] zeros = new byte[DocumentLoader.MAX_DOCUMENT_CHARS * 4 + 16];
    client.resource(binaryConfigMap("bomb", "bomb-doc", "doc.gz", gzip(zeros))).create();
    client.resource(configMapModel("bomb", "bomb", "bomb-doc", "doc.gz")).create();

    IntegrationModel model =
        operator.awaitModelCondition("bomb", "bomb", "Valid", "False", "DocumentTooLarge");

    assertThat(
            OperatorFixture.condition(model.getStatus().getConditions(), "Valid")
                .get()
                .getMessage())
        .contains("ConfigMap bomb-doc key doc.gz")
        .contains("after decompression");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  private static ConfigMap binaryConfigMap(
      String namespace, String name, String key, byte[] value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withBinaryData(Map.of(key, Base64.getEncoder().encodeToString(value)))
        .build();
  }

  @Test
  void lateConfigMapFixesModel() {
    client.resource(configMapModel("late", "pets", "pets-doc", "doc")).create();

    IntegrationModel model =
        operator.awaitModelCondition("late", "pets", "Ready", "False", "ConfigMapNotFound");
    assertThat(
            OperatorFixture.condition(model.getStatus().getConditions(), "Valid")
                .get()
                .getMessage())
        .contains("pets-doc");

    client.resource(OperatorFixture.configMap("late", "pets-doc", Map.of("doc", PETS))).create();

    operator.awaitModelCondition("late", "pets", "Ready", "True", "Ready");
  }

  @Test
  void missingConfigMapKeyIsReported() {
    client.resource(OperatorFixture.configMap("nokey", "pets-doc", Map.of("other", PETS))).create();
    client.resource(configMapModel("nokey", "pets", "pets-doc", "doc")).create();

    operator.awaitModelCondition("nokey", "pets", "Valid", "False", "ConfigMapKeyNotFound");
  }

  @Test
  void invalidDocumentNamesJsonPathWithoutHotLoop() throws Exception {
    String broken =
        """
        openapi: 3.0.3
        info: {title: Broken, version: "1"}
        paths:
          /pets:
            get:
              operationId: listPets
              responses: {'200': {$ref: '#/components/responses/Missing'}}
        """;
    client.resource(OperatorFixture.inlineModel("broken", "pets", broken)).create();

    IntegrationModel model =
        operator.awaitModelCondition("broken", "pets", "Ready", "False", "DocumentInvalid");
    String message =
        OperatorFixture.condition(model.getStatus().getConditions(), "Ready").get().getMessage();
    assertThat(message).contains("$.");

    String resourceVersion = model.getMetadata().getResourceVersion();
    Thread.sleep(3000);
    assertThat(operator.model("broken", "pets").getMetadata().getResourceVersion())
        .isEqualTo(resourceVersion);
    assertThat(events("broken", "DocumentInvalid")).hasSize(1);
  }

  private static List<Event> events(String namespace, String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  private static IntegrationModel configMapModel(
      String namespace, String name, String configMap, String key) {
    IntegrationModel model = OperatorFixture.inlineModel(namespace, name, null);
    DocumentSource source = new DocumentSource();
    source.setConfigMapKeyRef(new ConfigMapKeySelector(key, configMap, false));
    model.getSpec().setDocumentFrom(source);
    return model;
  }
}
