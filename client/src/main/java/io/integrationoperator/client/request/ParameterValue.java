package io.integrationoperator.client.request;

import java.util.List;
import java.util.Map;

/** A parameter value reduced to the three shapes that OpenAPI styles serialise. */
sealed interface ParameterValue {

  /** A string, number or boolean, as text. */
  record Primitive(String text) implements ParameterValue {}

  /** An array of primitives, as text. */
  record Items(List<String> texts) implements ParameterValue {}

  /** An object whose property values are primitives, as text, in the order given. */
  record Properties(Map<String, String> texts) implements ParameterValue {}
}
