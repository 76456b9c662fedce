package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableConverterTest {

  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  private final ObjectMapper mapper = new ObjectMapper();
  private final TableConverter converter = new TableConverter(mapper);

  @Test
  void integrationRowUsesPrinterColumns() throws Exception {
    ResourceType type = integrationType();
    JsonNode integration =
        mapper.readTree(
            """
            {"apiVersion": "integration-operator.io/v1alpha1", "kind": "Integration",
             "metadata": {"name": "petstore", "namespace": "default",
                          "creationTimestamp": "2025-01-01T11:55:00Z"},
             "spec": {"modelRef": {"name": "petstore"}},
             "status": {"endpoint": "https://petstore.example.test/api/v3",
                        "conditions": [
                          {"type": "Connected", "status": "True", "reason": "Connected"},
                          {"type": "Ready", "status": "False", "reason": "SecretKeyNotFound"}]}}
            """);

    JsonNode table = converter.convert(type, integration, "Metadata", NOW);

    assertThat(columnNames(table))
        .containsExactly("Name", "Model", "Endpoint", "Ready", "Reason", "Age");
    assertThat(table.at("/columnDefinitions/0/format").asText()).isEqualTo("name");
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            "[\"petstore\",\"petstore\",\"https://petstore.example.test/api/v3\","
                + "\"False\",\"SecretKeyNotFound\",\"5m\"]");
    assertThat(table.at("/rows/0/object/kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(table.at("/rows/0/object/metadata/namespace").asText()).isEqualTo("default");
  }

  @Test
  void missingStatusGivesNullCells() throws Exception {
    JsonNode integration =
        mapper.readTree(
            """
            {"metadata": {"name": "new", "creationTimestamp": "2025-01-01T11:59:30Z"},
             "spec": {"modelRef": {"name": "petstore"}}}
            """);

    JsonNode cells =
        converter.convert(integrationType(), integration, "None", NOW).at("/rows/0/cells");

    assertThat(cells.toString()).isEqualTo("[\"new\",\"petstore\",null,null,null,\"30s\"]");
  }

  @Test
  void listBecomesOneRowPerItem() throws Exception {
    JsonNode list =
        mapper.readTree(
            """
            {"metadata": {"resourceVersion": "42"},
             "items": [{"metadata": {"name": "a"}, "data": {"x": "1", "y": "2"}},
                       {"metadata": {"name": "b"}}]}
            """);
    ResourceType configMaps =
        ResourceCatalog.of(List.of()).find("", "v1", "configmaps").orElseThrow();

    JsonNode table = converter.convert(configMaps, list, "Metadata", NOW);

    assertThat(table.at("/metadata/resourceVersion").asText()).isEqualTo("42");
    assertThat(columnNames(table)).containsExactly("Name", "Data", "Age");
    assertThat(table.at("/rows/0/cells/1").asInt()).isEqualTo(2);
    assertThat(table.at("/rows/1/cells").toString()).isEqualTo("[\"b\",0,\"<unknown>\"]");
  }

  @Test
  void eventNameColumnComesLastAndWide() throws Exception {
    ResourceType events = ResourceCatalog.of(List.of()).find("", "v1", "events").orElseThrow();
    JsonNode event =
        mapper.readTree(
            """
            {"metadata": {"name": "petstore.1"}, "type": "Warning", "reason": "SecretKeyNotFound",
             "message": "key apiKey is missing", "count": 3,
             "firstTimestamp": "2025-01-01T11:50:00Z", "lastTimestamp": "2025-01-01T11:58:00Z",
             "involvedObject": {"kind": "Integration", "name": "petstore"}}
            """);

    JsonNode table = converter.convert(events, event, "None", NOW);

    assertThat(columnNames(table))
        .containsExactly("Last Seen", "Type", "Reason", "Object", "Message", "Name");
    assertThat(table.at("/columnDefinitions/5/priority").asInt()).isEqualTo(1);
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            "[\"2m (x3 over 10m)\",\"Warning\",\"SecretKeyNotFound\",\"integration/petstore\","
                + "\"key apiKey is missing\",\"petstore.1\"]");
  }

  private static ResourceType integrationType() throws Exception {
    return CustomResourceDefinitions.catalog()
        .find("integration-operator.io", "v1alpha1", "integrations")
        .orElseThrow();
  }

  private static List<String> columnNames(JsonNode table) {
    List<String> names = new ArrayList<>();
    table.path("columnDefinitions").forEach(column -> names.add(column.path("name").asText()));
    return names;
  }
}
