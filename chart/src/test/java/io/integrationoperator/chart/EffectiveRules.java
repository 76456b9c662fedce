package io.integrationoperator.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * RBAC rules that the bindings of a rendered chart grant one ServiceAccount, one line per scope,
 * API group, resource and resource names, with the verbs merged and sorted.
 *
 * <p>A line reads {@code SCOPE GROUP RESOURCE [NAMES] VERBS}: the scope is {@code cluster} for a
 * ClusterRoleBinding and {@code namespace/NS} for a RoleBinding in NS, the core group is written
 * {@code core}, and {@code NAMES} appears only for a rule with resourceNames.
 */
final class EffectiveRules {
  private EffectiveRules() {}

  static List<String> of(RenderedChart chart, String namespace, String serviceAccount) {
    Map<String, SortedSet<String>> verbsByKey = new TreeMap<>();
    for (JsonNode binding : bindingsOf(chart, namespace, serviceAccount)) {
      boolean cluster = "ClusterRoleBinding".equals(binding.path("kind").asText());
      String bindingNamespace = binding.at("/metadata/namespace").asText();
      String scope = cluster ? "cluster" : "namespace/" + bindingNamespace;
      for (JsonNode rule : role(chart, binding.path("roleRef"), bindingNamespace).path("rules")) {
        addRule(verbsByKey, scope, rule);
      }
    }
    List<String> lines = new ArrayList<>();
    verbsByKey.forEach((key, verbs) -> lines.add(key + " " + String.join(",", verbs)));
    return lines;
  }

  private static List<JsonNode> bindingsOf(
      RenderedChart chart, String namespace, String serviceAccount) {
    List<JsonNode> bindings = new ArrayList<>(chart.ofKind("ClusterRoleBinding"));
    bindings.addAll(chart.ofKind("RoleBinding"));
    return bindings.stream().filter(binding -> names(binding, namespace, serviceAccount)).toList();
  }

  private static boolean names(JsonNode binding, String namespace, String serviceAccount) {
    for (JsonNode subject : binding.path("subjects")) {
      if ("ServiceAccount".equals(subject.path("kind").asText())
          && serviceAccount.equals(subject.path("name").asText())
          && namespace.equals(subject.path("namespace").asText())) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode role(RenderedChart chart, JsonNode roleRef, String bindingNamespace) {
    String kind = roleRef.path("kind").asText();
    String name = roleRef.path("name").asText();
    return chart.ofKind(kind).stream()
        .filter(role -> name.equals(role.at("/metadata/name").asText()))
        .filter(role -> kind.equals("ClusterRole") || bindingNamespace.equals(namespaceOf(role)))
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "a binding refers to "
                        + kind
                        + " "
                        + name
                        + ", which the chart does not render"));
  }

  private static String namespaceOf(JsonNode object) {
    return object.at("/metadata/namespace").asText();
  }

  private static void addRule(
      Map<String, SortedSet<String>> verbsByKey, String scope, JsonNode rule) {
    SortedSet<String> names = new TreeSet<>();
    rule.path("resourceNames").forEach(name -> names.add(name.asText()));
    String nameText = names.isEmpty() ? "" : " [" + String.join(",", names) + "]";
    for (JsonNode group : rule.path("apiGroups")) {
      String groupText = group.asText().isEmpty() ? "core" : group.asText();
      for (JsonNode resource : rule.path("resources")) {
        String key = scope + " " + groupText + " " + resource.asText() + nameText;
        SortedSet<String> verbs = verbsByKey.computeIfAbsent(key, k -> new TreeSet<>());
        rule.path("verbs").forEach(verb -> verbs.add(verb.asText()));
      }
    }
  }
}
