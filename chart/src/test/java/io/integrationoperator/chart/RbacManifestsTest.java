package io.integrationoperator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the plain RBAC manifests for installs without Helm equal to the chart's rules: the chart is
 * their one source. Each manifest is the chart's rendering of the named Roles for release
 * integration-operator in namespace integration-operator, without Helm's labels. Run with {@code
 * -DupdateRbacManifests=true} to rewrite them.
 */
class RbacManifestsTest {
  private static final String NAMESPACE = "integration-operator";

  static Stream<Arguments> manifests() {
    return Stream.of(
        Arguments.of(
            "operator/src/main/resources/rbac/operator-clusterrole.yaml",
            List.of(
                "ClusterRole/integration-operator-operator",
                "Role/integration-operator-operator-release-namespace")),
        Arguments.of(
            "executor/src/main/resources/rbac/executor-clusterrole.yaml",
            List.of(
                "ClusterRole/integration-operator-executor",
                "ClusterRole/integration-operator-executor-review",
                "Role/integration-operator-gateway-discovery")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void manifestMatchesChart(String file, List<String> roles) throws IOException {
    RenderedChart chart = RenderedChart.render(NAMESPACE, Map.of());
    String expected =
        header(file)
            + roles.stream()
                .map(role -> withoutHelmLines(documentText(chart, role)))
                .collect(Collectors.joining("---\n"));
    Path path = RenderedChart.PROJECT_ROOT.resolve(file);
    if (Boolean.getBoolean("updateRbacManifests")) {
      Files.writeString(path, expected);
    }

    assertThat(Files.readString(path))
        .as(
            "%s differs from the chart's rules; regenerate it with ./mvnw -pl chart -am verify"
                + " -DupdateRbacManifests=true",
            file)
        .isEqualTo(expected);
  }

  private static String header(String file) {
    return "# Generated from charts/integration-operator for installs without Helm: release\n"
        + "# integration-operator in namespace integration-operator. Bind the ClusterRoles with a\n"
        + "# ClusterRoleBinding, or with a RoleBinding in each namespace to serve, and the Role in\n"
        + "# the operator's namespace with a RoleBinding. Do not edit: change the chart, then run\n"
        + "# ./mvnw -pl chart -am verify -DupdateRbacManifests=true\n";
  }

  private static String documentText(RenderedChart chart, String kindAndName) {
    String[] parts = kindAndName.split("/");
    return chart.documentTexts().stream()
        .filter(text -> matches(RenderedChart.parse(text).get(0), parts[0], parts[1]))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the chart rendered no " + kindAndName));
  }

  private static boolean matches(JsonNode object, String kind, String name) {
    return kind.equals(object.path("kind").asText())
        && name.equals(object.at("/metadata/name").asText());
  }

  /** Drops Helm's source comment and the labels block, which name the chart release. */
  private static String withoutHelmLines(String document) {
    StringBuilder result = new StringBuilder();
    boolean inLabels = false;
    for (String line : document.strip().split("\n")) {
      if (line.equals("  labels:")) {
        inLabels = true;
        continue;
      }
      if (inLabels && line.startsWith("    ")) {
        continue;
      }
      inLabels = false;
      if (!line.startsWith("# Source:")) {
        result.append(line).append('\n');
      }
    }
    return result.toString();
  }
}
