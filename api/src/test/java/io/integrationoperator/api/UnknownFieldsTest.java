package io.integrationoperator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.model.IntegrationModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that the resource classes read objects carrying fields they do not declare, as written by
 * a newer CRD version or by another field manager. The informers would otherwise fail to
 * deserialize such an object, and the operator would stop.
 */
class UnknownFieldsTest {
  private static final Path CLASSES = Path.of("target/classes");

  // A plain ObjectMapper fails on unknown properties by default, unlike some configured mappers.
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void integrationWithUnknownFieldsIsRead() throws IOException {
    String json =
        """
        {"apiVersion": "integration-operator.io/v1alpha1", "kind": "Integration",
         "metadata": {"name": "petstore", "namespace": "shop"},
         "topLevelExtra": 1,
         "spec": {"modelRef": {"name": "petstore", "extra": true},
                  "server": {"host": "api.example.test", "extra": "x"},
                  "authentication": {"bearer": {"token": {"secretKeyRef":
                      {"name": "s", "key": "token", "extra": 1}}, "extra": 2},
                      "parameters": [{"name": "audience", "value": "a", "extra": 3}]},
                  "tls": {"caBundle": {"configMapKeyRef": {"name": "ca", "key": "ca.crt"},
                      "extra": 4}, "extra": 5},
                  "gateway": {"proxy": {"host": "proxy", "extra": 6}, "extra": 7},
                  "probe": {"path": "/health", "extra": 8},
                  "foo": "bar"},
         "status": {"endpoint": "https://api.example.test", "foo": "bar",
                    "lastProbe": {"time": "2024-01-01T00:00:00Z",
                        "response": {"status": 200, "extra": 9}, "extra": 10},
                    "model": {"name": "petstore", "extra": 11},
                    "token": {"extra": 12}}}
        """;

    Integration integration = mapper.readValue(json, Integration.class);

    assertThat(integration.getSpec().getModelRef().getName()).isEqualTo("petstore");
    assertThat(integration.getSpec().getServer().getHost()).isEqualTo("api.example.test");
    assertThat(integration.getSpec().getProbe().getPath()).isEqualTo("/health");
    assertThat(integration.getStatus().getEndpoint()).isEqualTo("https://api.example.test");
    assertThat(integration.getStatus().getLastProbe().getResponse().getStatus()).isEqualTo(200);
  }

  @Test
  void modelWithUnknownFieldsIsRead() throws IOException {
    String json =
        """
        {"apiVersion": "integration-operator.io/v1alpha1", "kind": "IntegrationModel",
         "metadata": {"name": "petstore"},
         "spec": {"documentFrom": {"configMapKeyRef": {"name": "doc", "key": "openapi.json"},
                      "extra": 1},
                  "foo": "bar"},
         "status": {"title": "Petstore", "foo": "bar",
                    "tasks": [{"name": "getPet", "extra": 2}],
                    "securitySchemes": [{"name": "api_key", "extra": 3}]}}
        """;

    IntegrationModel model = mapper.readValue(json, IntegrationModel.class);

    assertThat(model.getSpec().getDocumentFrom().getConfigMapKeyRef().getName()).isEqualTo("doc");
    assertThat(model.getStatus().getTitle()).isEqualTo("Petstore");
    assertThat(model.getStatus().getTasks().get(0).getName()).isEqualTo("getPet");
  }

  /**
   * Guards classes added later: every resource class that is not an enum ignores unknown fields.
   */
  @Test
  void everyResourceClassIgnoresUnknownFields() throws IOException, ClassNotFoundException {
    List<String> names;
    try (Stream<Path> files = Files.walk(CLASSES.resolve("io/integrationoperator/api"))) {
      names =
          files
              .map(CLASSES::relativize)
              .map(Path::toString)
              .filter(name -> name.endsWith(".class") && !name.contains("$"))
              .map(name -> name.replace(".class", "").replace('/', '.'))
              .sorted()
              .toList();
    }

    assertThat(names).hasSizeGreaterThan(30);
    for (String name : names) {
      Class<?> type = Class.forName(name);
      if (type.isEnum()) {
        continue;
      }
      JsonIgnoreProperties annotation = type.getAnnotation(JsonIgnoreProperties.class);
      assertThat(annotation).as("@JsonIgnoreProperties on %s", name).isNotNull();
      assertThat(annotation.ignoreUnknown()).as("ignoreUnknown on %s", name).isTrue();
    }
  }
}
