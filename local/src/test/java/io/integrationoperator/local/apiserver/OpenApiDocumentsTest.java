package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {

  private static final String INTEGRATION_PATH =
      "/apis/integration-operator.io/v1alpha1/namespaces/{namespace}/integrations/{name}";

  private final OpenApiDocuments openApi = new OpenApiDocuments(new ObjectMapper());

  @Test
  void indexLinksEveryGroupVersionWithHash() throws Exception {
    JsonNode paths = openApi.index(CustomResourceDefinitions.catalog()).path("paths");

    assertThat(paths.has("api/v1")).isTrue();
    assertThat(paths.has("apis/rbac.authorization.k8s.io/v1")).isTrue();
    assertThat(
            paths.path("apis/integration-operator.io/v1alpha1").path("serverRelativeURL").asText())
        .matches("/openapi/v3/apis/integration-operator.io/v1alpha1\\?hash=[0-9A-F]{128}");
  }

  @Test
  void patchOperationAdvertisesFieldValidation() throws Exception {
    JsonNode document =
        openApi.document(
            CustomResourceDefinitions.catalog(), "apis/integration-operator.io/v1alpha1");

    JsonNode patch = document.path("paths").path(INTEGRATION_PATH).path("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind").toString())
        .isEqualTo(
            "{\"group\":\"integration-operator.io\",\"version\":\"v1alpha1\",\"kind\":\"Integration\"}");
    assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation");
    assertThat(patch.path("requestBody").path("content").has("application/merge-patch+json"))
        .isTrue();
    assertThat(
            patch.path("requestBody").path("content").has("application/strategic-merge-patch+json"))
        .isFalse();
  }

  @Test
  void schemaComesFromCrdWithMetadata() throws Exception {
    JsonNode schemas =
        openApi
            .document(CustomResourceDefinitions.catalog(), "apis/integration-operator.io/v1alpha1")
            .path("components")
            .path("schemas");

    JsonNode integration = schemas.path("io.integration-operator.v1alpha1.Integration");
    assertThat(integration.at("/properties/spec/properties/modelRef/description").asText())
        .isEqualTo("IntegrationModel that describes the system's API.");
    assertThat(integration.at("/properties/metadata/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/" + OpenApiDocuments.OBJECT_META);
    assertThat(integration.at("/x-kubernetes-group-version-kind/0/kind").asText())
        .isEqualTo("Integration");
    assertThat(schemas.has(OpenApiDocuments.OBJECT_META)).isTrue();
  }

  @Test
  void coreDocumentCoversSecrets() throws Exception {
    JsonNode document = openApi.document(CustomResourceDefinitions.catalog(), "api/v1");

    assertThat(
            document
                .path("paths")
                .path("/api/v1/namespaces/{namespace}/secrets/{name}")
                .path("patch")
                .path("x-kubernetes-group-version-kind")
                .path("kind")
                .asText())
        .isEqualTo("Secret");
    assertThat(document.path("paths").has("/api/v1/namespaces/{name}")).isTrue();
  }

  @Test
  void unknownGroupVersionHasNoDocument() throws Exception {
    assertThat(openApi.document(CustomResourceDefinitions.catalog(), "apis/apps/v1")).isNull();
  }
}
