package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the product's CRDs from the repository's {@code crds/} directory. */
final class CustomResourceDefinitions {

  private CustomResourceDefinitions() {}

  static List<JsonNode> load() throws IOException {
    Path folder = Path.of(System.getProperty("project.root", ".."), "crds");
    YAMLMapper yaml = new YAMLMapper();
    return List.of(
        yaml.readTree(
            Files.readString(folder.resolve("integrationmodels.integration-operator.io.yaml"))),
        yaml.readTree(
            Files.readString(folder.resolve("integrations.integration-operator.io.yaml"))));
  }

  static ResourceCatalog catalog() throws IOException {
    return ResourceCatalog.of(load());
  }
}
