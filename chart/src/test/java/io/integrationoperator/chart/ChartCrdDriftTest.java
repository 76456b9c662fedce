package io.integrationoperator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the chart's CRD templates equal to the generated CRDs in {@code crds/}. Helm never upgrades
 * the files of a chart's {@code crds/} folder, so the chart installs the CRDs as templates instead.
 * Run with {@code -DupdateChartCrds=true} to rewrite the templates.
 */
class ChartCrdDriftTest {
  private static final Path CRDS = RenderedChart.PROJECT_ROOT.resolve("crds");
  private static final Path TEMPLATES = RenderedChart.CHART.resolve("templates/crds");
  private static final String REGENERATE = "./mvnw -pl chart -am verify -DupdateChartCrds=true";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "integrations.integration-operator.io",
        "integrationmodels.integration-operator.io"
      })
  void templateMatchesGeneratedCrd(String crdName) throws IOException {
    String expected = ChartCrdTemplate.fromCrd(Files.readString(CRDS.resolve(crdName + ".yaml")));
    Path template = TEMPLATES.resolve(crdName + ".yaml");
    if (Boolean.getBoolean("updateChartCrds")) {
      Files.createDirectories(TEMPLATES);
      Files.writeString(template, expected);
    }

    assertThat(template).exists();
    assertThat(Files.readString(template))
        .as("%s differs from crds/%s.yaml; regenerate it with %s", template, crdName, REGENERATE)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "integrations.integration-operator.io",
        "integrationmodels.integration-operator.io"
      })
  void renderedCrdEqualsGeneratedCrd(String crdName) throws IOException {
    JsonNode rendered = RenderedChart.render().node("CustomResourceDefinition", crdName).deepCopy();
    List<JsonNode> generated =
        RenderedChart.parse(Files.readString(CRDS.resolve(crdName + ".yaml")));
    ObjectNode metadata = (ObjectNode) rendered.get("metadata");

    assertThat(metadata.remove("annotations").get("helm.sh/resource-policy").asText())
        .isEqualTo("keep");
    assertThat(metadata.remove("labels").get("app.kubernetes.io/managed-by").asText())
        .isEqualTo("Helm");
    assertThat(generated).hasSize(1);
    assertThat(rendered).isEqualTo(generated.get(0));
  }
}
