package io.integrationoperator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the RBAC rules that the chart grants the operator and the gateway executors with the
 * committed lists in {@code src/test/resources/rbac/}, so that every added permission shows up in
 * review. Run with {@code -DupdateRbacRules=true} to rewrite the lists.
 */
class ChartRbacTest {
  private static final Path GOLDEN = Path.of("src/test/resources/rbac");
  private static final String OPERATOR_ACCOUNT = "integration-operator-operator";
  private static final String EXECUTOR_ACCOUNT = "integration-operator-executor";
  private static final String HEADER =
      "# RBAC rules the chart grants, rendered as release integration-operator in namespace"
          + " integration-system.\n"
          + "# One line per rule: ACCOUNT SCOPE API-GROUP RESOURCE [RESOURCE-NAMES] VERBS; scope"
          + " cluster is a ClusterRoleBinding.\n"
          + "# Rewritten by ./mvnw -pl chart -am verify -DupdateRbacRules=true; review every"
          + " change.\n";

  static Stream<Arguments> installs() {
    return Stream.of(
        Arguments.of(
            "cluster-wide",
            Map.of(
                "gatewayPools[0].name", "edge-1",
                "gatewayDefaults.proxyUrl", "http://proxy.internal:3128",
                "gatewayDefaults.proxySecret", "corporate-proxy")),
        Arguments.of(
            "namespace-scoped",
            Map.of(
                "watchNamespaces[0]", "team-a",
                "watchNamespaces[1]", "team-b",
                "gatewayPools[0].name", "edge-1",
                "gatewayDefaults.proxyUrl", "http://proxy.internal:3128",
                "gatewayDefaults.proxySecret", "corporate-proxy")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installs")
  void effectiveRulesMatchCommittedList(String install, Map<String, String> values)
      throws IOException {
    RenderedChart chart = RenderedChart.render(values);
    List<String> lines = new ArrayList<>();
    EffectiveRules.of(chart, RenderedChart.NAMESPACE, OPERATOR_ACCOUNT)
        .forEach(line -> lines.add("operator " + line));
    EffectiveRules.of(chart, RenderedChart.NAMESPACE, EXECUTOR_ACCOUNT)
        .forEach(line -> lines.add("executor " + line));
    String actual = HEADER + String.join("\n", lines) + "\n";
    Path golden = GOLDEN.resolve(install + ".txt");
    if (Boolean.getBoolean("updateRbacRules")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual);
    }

    assertThat(Files.readString(golden))
        .as(
            "effective rules differ from %s; review the change, then rewrite it with"
                + " ./mvnw -pl chart -am verify -DupdateRbacRules=true",
            golden)
        .isEqualTo(actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installs")
  void noRuleUsesWildcard(String install, Map<String, String> values) {
    RenderedChart chart = RenderedChart.render(values);
    List<JsonNode> roles = new ArrayList<>(chart.ofKind("ClusterRole"));
    roles.addAll(chart.ofKind("Role"));

    assertThat(roles).isNotEmpty();
    for (JsonNode role : roles) {
      for (JsonNode rule : role.path("rules")) {
        for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
          rule.path(field)
              .forEach(
                  value ->
                      assertThat(value.asText())
                          .as("%s in %s", field, role.at("/metadata/name").asText())
                          .doesNotContain("*"));
        }
        assertThat(rule.has("nonResourceURLs")).isFalse();
      }
    }
  }

  /**
   * JOSDK checks the Lease permissions at start with a SelfSubjectRulesReview: the union of the
   * verbs of the rules on leases that name no resource or the Lease must contain create, update and
   * get, else the operator stops.
   */
  @Test
  void leaseRulesPassLeaderElectionCheck() {
    RenderedChart chart =
        RenderedChart.render(Map.of("operator.leaderElection.leaseName", "io-leader"));
    String prefix = "namespace/" + RenderedChart.NAMESPACE + " coordination.k8s.io leases ";
    Set<String> verbs = new TreeSet<>();
    for (String line : EffectiveRules.of(chart, RenderedChart.NAMESPACE, OPERATOR_ACCOUNT)) {
      if (line.startsWith(prefix)) {
        String rest = line.substring(prefix.length());
        assertThat(rest).doesNotStartWith("[integration-operator-leader]");
        verbs.addAll(List.of(rest.replace("[io-leader] ", "").split(",")));
      }
    }

    assertThat(verbs).containsExactly("create", "get", "update");
  }

  @Test
  void namespaceScopedOperatorHasNoClusterRole() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of("watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"));

    assertThat(EffectiveRules.of(chart, RenderedChart.NAMESPACE, OPERATOR_ACCOUNT))
        .noneMatch(line -> line.startsWith("cluster "));
    assertThat(chart.ofKind("ClusterRole"))
        .extracting(role -> role.at("/metadata/name").asText())
        .doesNotContain("integration-operator-operator");
  }

  @Test
  void executorRulesWithoutPoolsBindNothing() {
    RenderedChart chart = RenderedChart.render();

    assertThat(EffectiveRules.of(chart, RenderedChart.NAMESPACE, EXECUTOR_ACCOUNT)).isEmpty();
    assertThat(chart.ofKind("ClusterRole"))
        .extracting(role -> role.at("/metadata/name").asText())
        .contains("integration-operator-executor", "integration-operator-executor-review");
  }
}
