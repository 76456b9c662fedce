package io.integrationoperator.api.validation;

import java.util.List;
import java.util.Map;

/**
 * One {@code x-kubernetes-validations} entry of a CRD.
 *
 * @param kind the CRD's kind
 * @param path the property names from the object's root to the schema node that carries the rule;
 *     {@link #ITEMS} stands for the items of an array
 * @param rule the CEL expression
 * @param message the message the API server returns when the rule evaluates to false
 * @param schema the schema node that carries the rule
 */
record CrdRule(
    String kind, List<String> path, String rule, String message, Map<String, Object> schema) {
  /** Path segment for every item of an array. */
  static final String ITEMS = "[]";

  /** Returns the readable location, for example {@code Integration spec.probe}. */
  String location() {
    return kind + " " + String.join(".", path);
  }

  @Override
  public String toString() {
    return location() + ": " + rule;
  }
}
