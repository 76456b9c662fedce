package io.integrationoperator.api.validation;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-kubernetes-validations} rules of a committed CRD in crds/, each with the schema path
 * where it applies.
 */
final class CrdValidationRules {
  private CrdValidationRules() {}

  /**
   * Reads the rules of the CRD file in crds/, for example
   * integrations.integration-operator.io.yaml.
   */
  static List<CrdRule> read(String crdFile) throws IOException {
    Path file = Path.of(System.getProperty("project.root"), "crds", crdFile);
    Map<String, Object> crd = Serialization.unmarshal(Files.readString(file), Map.class);
    Map<String, Object> spec = child(crd, "spec");
    String kind = (String) child(spec, "names").get("kind");
    List<Object> versions = list(spec.get("versions"));
    if (versions.size() != 1) {
      throw new IllegalStateException(file + " has " + versions.size() + " versions; expected 1");
    }
    Map<String, Object> schema = child(child(map(versions.get(0)), "schema"), "openAPIV3Schema");
    List<CrdRule> rules = new ArrayList<>();
    collect(kind, schema, List.of(), rules);
    return rules;
  }

  private static void collect(
      String kind, Map<String, Object> schema, List<String> path, List<CrdRule> rules) {
    Object validations = schema.get("x-kubernetes-validations");
    if (validations != null) {
      for (Object validation : list(validations)) {
        Map<String, Object> entry = map(validation);
        rules.add(
            new CrdRule(
                kind, path, (String) entry.get("rule"), (String) entry.get("message"), schema));
      }
    }
    Object properties = schema.get("properties");
    if (properties != null) {
      map(properties)
          .forEach((name, property) -> collect(kind, map(property), append(path, name), rules));
    }
    Object items = schema.get("items");
    if (items != null) {
      collect(kind, map(items), append(path, CrdRule.ITEMS), rules);
    }
  }

  private static List<String> append(List<String> path, String segment) {
    List<String> longer = new ArrayList<>(path);
    longer.add(segment);
    return List.copyOf(longer);
  }

  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    return map(parent.get(key));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }
}
