package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentsTest {

  private final DiscoveryDocuments discovery = new DiscoveryDocuments(new ObjectMapper());

  @Test
  void groupListIncludesCrdGroup() throws Exception {
    JsonNode groups = discovery.groupList(CustomResourceDefinitions.catalog());

    List<String> names = new ArrayList<>();
    groups.path("groups").forEach(group -> names.add(group.path("name").asText()));
    assertThat(names)
        .containsExactly(
            "rbac.authorization.k8s.io",
            "coordination.k8s.io",
            "discovery.k8s.io",
            "events.k8s.io",
            "apiextensions.k8s.io",
            "integration-operator.io");
    JsonNode ours = groups.path("groups").get(5);
    assertThat(ours.path("preferredVersion").path("groupVersion").asText())
        .isEqualTo("integration-operator.io/v1alpha1");
  }

  @Test
  void resourceListCarriesShortNamesAndStatus() throws Exception {
    ResourceCatalog catalog = CustomResourceDefinitions.catalog();

    JsonNode list =
        discovery.resourceList(
            "integration-operator.io",
            "v1alpha1",
            catalog.typesOf("integration-operator.io", "v1alpha1"));

    assertThat(list.path("groupVersion").asText()).isEqualTo("integration-operator.io/v1alpha1");
    JsonNode resources = list.path("resources");
    assertThat(resources).hasSize(4);
    JsonNode integrations = find(resources, "integrations");
    assertThat(integrations.path("kind").asText()).isEqualTo("Integration");
    assertThat(integrations.path("namespaced").asBoolean()).isTrue();
    assertThat(integrations.path("shortNames").toString()).isEqualTo("[\"intg\"]");
    assertThat(integrations.path("verbs").toString()).contains("\"watch\"", "\"patch\"");
    assertThat(find(resources, "integrationmodels").path("shortNames").toString())
        .isEqualTo("[\"im\"]");
    assertThat(find(resources, "integrations/status").path("verbs").toString())
        .isEqualTo("[\"get\",\"patch\",\"update\"]");
  }

  @Test
  void coreVersionsNameServerAddress() {
    JsonNode versions = discovery.coreVersions("127.0.0.1:6443");

    assertThat(versions.path("versions").toString()).isEqualTo("[\"v1\"]");
    assertThat(versions.at("/serverAddressByClientCIDRs/0/serverAddress").asText())
        .isEqualTo("127.0.0.1:6443");
  }

  private static JsonNode find(JsonNode resources, String name) {
    for (JsonNode resource : resources) {
      if (resource.path("name").asText().equals(name)) {
        return resource;
      }
    }
    throw new AssertionError("No resource " + name + " in " + resources);
  }
}
