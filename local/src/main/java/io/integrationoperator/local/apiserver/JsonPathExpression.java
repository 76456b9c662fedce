package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of the kubectl JSONPath syntax that CRD printer columns use: field steps ({@code
 * .status.endpoint}, {@code ['a.b']}), array indexes ({@code [0]}), wildcards ({@code [*]}) and
 * equality filters ({@code [?(@.type=="Ready")]}, also with {@code !=}).
 */
public final class JsonPathExpression {

  private sealed interface Step permits Field, Index, Wildcard, Filter {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record Wildcard() implements Step {}

  private record Filter(List<String> fieldPath, boolean equal, String literal) implements Step {}

  private final String expression;
  private final List<Step> steps;

  private JsonPathExpression(String expression, List<Step> steps) {
    this.expression = expression;
    this.steps = steps;
  }

  /**
   * Parses an expression such as {@code .status.conditions[?(@.type=="Ready")].status}.
   *
   * @throws IllegalArgumentException when the expression uses syntax outside the subset
   */
  public static JsonPathExpression parse(String expression) {
    String text = expression.trim();
    if (text.startsWith("{") && text.endsWith("}")) {
      text = text.substring(1, text.length() - 1).trim();
    }
    if (text.startsWith("$")) {
      text = text.substring(1);
    }
    return new JsonPathExpression(expression, new Parser(expression, text).steps());
  }

  /** Returns every node the expression selects in document order; empty when none matches. */
  public List<JsonNode> evaluate(JsonNode root) {
    List<JsonNode> current = List.of(root);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        apply(step, node, next);
      }
      current = next;
    }
    return current;
  }

  /** Returns the first selected node, or null when nothing matches. */
  public JsonNode first(JsonNode root) {
    List<JsonNode> results = evaluate(root);
    return results.isEmpty() ? null : results.get(0);
  }

  private static void apply(Step step, JsonNode node, List<JsonNode> into) {
    if (step instanceof Field field) {
      JsonNode child = node.get(field.name());
      if (child != null && !child.isNull()) {
        into.add(child);
      }
    } else if (step instanceof Index index) {
      int position = index.index() < 0 ? node.size() + index.index() : index.index();
      if (node.isArray() && position >= 0 && position < node.size()) {
        into.add(node.get(position));
      }
    } else if (step instanceof Wildcard) {
      node.elements().forEachRemaining(into::add);
    } else if (step instanceof Filter filter) {
      if (node.isArray()) {
        node.elements().forEachRemaining(element -> addIfMatches(filter, element, into));
      }
    }
  }

  private static void addIfMatches(Filter filter, JsonNode element, List<JsonNode> into) {
    JsonNode value = element;
    for (String name : filter.fieldPath()) {
      value = value.path(name);
    }
    boolean equal = value.isValueNode() && value.asText().equals(filter.literal());
    if (equal == filter.equal()) {
      into.add(element);
    }
  }

  @Override
  public String toString() {
    return expression;
  }

  /** Recursive-descent parser over the expression text. */
  private static final class Parser {
    private final String original;
    private final String text;
    private int position;

    Parser(String original, String text) {
      this.original = original;
      this.text = text;
    }

    List<Step> steps() {
      List<Step> steps = new ArrayList<>();
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == '.') {
          position++;
          if (position < text.length() && text.charAt(position) == '*') {
            position++;
            steps.add(new Wildcard());
          } else {
            steps.add(new Field(readName()));
          }
        } else if (c == '[') {
          steps.add(readBracket());
        } else if (steps.isEmpty() && Character.isLetter(c)) {
          steps.add(new Field(readName()));
        } else {
          throw invalid("unexpected character '" + c + "'");
        }
      }
      return steps;
    }

    private String readName() {
      int start = position;
      while (position < text.length() && ".[".indexOf(text.charAt(position)) < 0) {
        position++;
      }
      if (start == position) {
        throw invalid("missing field name");
      }
      return text.substring(start, position);
    }

    private Step readBracket() {
      int end = text.indexOf(']', position);
      if (text.startsWith("[?(", position)) {
        end = text.indexOf(")]", position);
        if (end < 0) {
          throw invalid("missing ')]' after the filter");
        }
        Step filter = parseFilter(text.substring(position + 3, end).trim());
        position = end + 2;
        return filter;
      }
      if (end < 0) {
        throw invalid("missing ']'");
      }
      String inner = text.substring(position + 1, end).trim();
      position = end + 1;
      if (inner.equals("*")) {
        return new Wildcard();
      }
      if (isQuoted(inner)) {
        return new Field(inner.substring(1, inner.length() - 1));
      }
      try {
        return new Index(Integer.parseInt(inner));
      } catch (NumberFormatException e) {
        throw invalid(
            "unsupported subscript [" + inner + "], expected a number, * or a quoted name");
      }
    }

    private Step parseFilter(String condition) {
      boolean equal = !condition.contains("!=");
      String operator = equal ? "==" : "!=";
      int at = condition.indexOf(operator);
      if (at < 0 || !condition.startsWith("@.")) {
        throw invalid("unsupported filter " + condition);
      }
      List<String> fieldPath = List.of(condition.substring(2, at).trim().split("\\."));
      String literal = condition.substring(at + 2).trim();
      if (isQuoted(literal)) {
        literal = literal.substring(1, literal.length() - 1);
      }
      return new Filter(fieldPath, equal, literal);
    }

    private static boolean isQuoted(String value) {
      return value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"));
    }

    private IllegalArgumentException invalid(String problem) {
      return new IllegalArgumentException(
          "Invalid JSONPath expression " + original + ": " + problem);
    }
  }
}
