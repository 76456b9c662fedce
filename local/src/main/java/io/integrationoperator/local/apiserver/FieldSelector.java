package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code fieldSelector} query parameter, such as {@code
 * involvedObject.name=petstore,involvedObject.kind=Integration}, evaluated against the JSON of
 * stored objects. Supports {@code =}, {@code ==} and {@code !=} with backslash escapes, which is
 * the grammar of Kubernetes field selectors.
 */
public final class FieldSelector {

  /** One requirement of a selector. */
  public record Requirement(String field, boolean equal, String value) {

    boolean matches(JsonNode object) {
      JsonNode node = object;
      for (String name : field.split("\\.")) {
        node = node.path(name);
      }
      String actual = node.isValueNode() && !node.isNull() ? node.asText() : "";
      return actual.equals(value) == equal;
    }
  }

  private final List<Requirement> requirements;

  private FieldSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /**
   * Parses a selector.
   *
   * @throws IllegalArgumentException when a requirement has no operator
   */
  public static FieldSelector parse(String selector) {
    List<Requirement> requirements = new ArrayList<>();
    for (String term : splitUnescaped(selector, ',')) {
      if (term.isBlank()) {
        continue;
      }
      requirements.add(parseTerm(term));
    }
    return new FieldSelector(requirements);
  }

  private static Requirement parseTerm(String term) {
    int notEqual = term.indexOf("!=");
    if (notEqual > 0) {
      return new Requirement(
          term.substring(0, notEqual).trim(), false, unescape(term.substring(notEqual + 2)));
    }
    int equal = term.indexOf('=');
    if (equal <= 0) {
      throw new IllegalArgumentException(
          "Invalid field selector requirement '"
              + term
              + "': expected field=value or field!=value");
    }
    int valueStart = term.startsWith("==", equal) ? equal + 2 : equal + 1;
    return new Requirement(
        term.substring(0, equal).trim(), true, unescape(term.substring(valueStart)));
  }

  private static List<String> splitUnescaped(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
      } else if (c == separator) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static String unescape(String value) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        c = value.charAt(++i);
      }
      result.append(c);
    }
    return result.toString();
  }

  /** Returns the requirements in the order they were written. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** Returns true when the object meets every requirement. */
  public boolean matches(JsonNode object) {
    return requirements.stream().allMatch(requirement -> requirement.matches(object));
  }
}
