package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps swagger-parser's messages to JSON paths.
 *
 * <p>swagger-parser writes most messages as {@code attribute LOCATION is PROBLEM}, where LOCATION
 * joins member names with dots, quotes names that contain a slash ({@code paths.'/pet'}), puts the
 * HTTP method in brackets ({@code (get)}), names a parameter as {@code [petId]}, and may end with
 * the {@code #/...} reference that failed. Names that contain dots are not quoted, so the tree
 * decides how to split: at each step the longest run of dotted parts that names an existing member
 * wins. Parts that match nothing, such as a missing attribute, are appended as they are. Messages
 * about a path item's declared path parameters start with {@code paths.'/pet/{petId}'.} and map to
 * that path item. A message without a location maps to {@code $}.
 */
final class ParserMessages {
  private static final String PREFIX = "attribute ";
  private static final String PROBLEM_SEPARATOR = " is ";
  private static final String PATH_PREFIX = "paths.'";

  private ParserMessages() {}

  /** One part of a message location. An exact part is a quoted name or a method. */
  private record Part(String text, boolean exact) {}

  /** Returns the JSON path a message is about, or {@code $} when it names no location. */
  static String jsonPath(JsonNode root, String message) {
    return location(message).map(location -> resolve(root, parts(location))).orElse(JsonPaths.ROOT);
  }

  /**
   * Turns messages into warnings of the form {@code JSONPATH: message}. Messages about repeated
   * operationIds are left out, because the task list reports each rename itself.
   */
  static List<String> warnings(JsonNode root, List<String> messages) {
    List<String> warnings = new ArrayList<>();
    for (String message : messages) {
      if (message == null || message.endsWith(".operationId is repeated")) {
        continue;
      }
      warnings.add(jsonPath(root, message) + ": " + message);
    }
    return warnings;
  }

  /** Finds the first message about the given JSON path or a member inside it. */
  static Optional<String> about(JsonNode root, List<String> messages, String jsonPath) {
    return messages.stream()
        .filter(message -> message != null && isWithin(jsonPath(root, message), jsonPath))
        .findFirst();
  }

  private static boolean isWithin(String path, String ancestor) {
    return path.equals(ancestor)
        || path.startsWith(ancestor + ".")
        || path.startsWith(ancestor + "[");
  }

  private static Optional<String> location(String message) {
    if (message != null && message.startsWith(PATH_PREFIX)) {
      // For example: paths.'/pet/{petId}'. Declared path parameter petId needs to be defined ...
      int end = message.indexOf("'", PATH_PREFIX.length());
      return end < 0 ? Optional.empty() : Optional.of(message.substring(0, end + 1));
    }
    if (message == null || !message.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int end = message.lastIndexOf(PROBLEM_SEPARATOR);
    if (end <= PREFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(message.substring(PREFIX.length(), end));
  }

  private static List<Part> parts(String location) {
    List<Part> parts = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < location.length()) {
      char c = location.charAt(i);
      if (c == '#' && plain.isEmpty()) {
        break; // the failed reference, which is not part of the tree path
      }
      if (c == '.' || c == '\'' || c == '(') {
        addPlain(parts, plain);
      }
      if (c == '\'' || c == '(') {
        int end = location.indexOf(c == '\'' ? '\'' : ')', i + 1);
        end = end < 0 ? location.length() : end;
        parts.add(new Part(location.substring(i + 1, end), true));
        i = end + 1;
      } else {
        if (c != '.') {
          plain.append(c);
        }
        i++;
      }
    }
    addPlain(parts, plain);
    return parts;
  }

  private static void addPlain(List<Part> parts, StringBuilder plain) {
    if (!plain.isEmpty()) {
      parts.add(new Part(plain.toString(), false));
      plain.setLength(0);
    }
  }

  private static String resolve(JsonNode root, List<Part> parts) {
    String path = JsonPaths.ROOT;
    JsonNode node = root;
    int i = 0;
    while (i < parts.size()) {
      int last = node == null ? i : longestMatch(node, parts, i);
      String name = joined(parts, i, last);
      int index = node != null && node.isArray() ? arrayIndex(node, name) : -1;
      if (index >= 0) {
        path = JsonPaths.index(path, index);
        node = node.get(index);
      } else {
        path = JsonPaths.member(path, name);
        node = node == null ? null : node.get(name);
      }
      i = last + 1;
    }
    return path;
  }

  /** Index of the last part in the longest run from {@code first} that names a member. */
  private static int longestMatch(JsonNode node, List<Part> parts, int first) {
    if (parts.get(first).exact() || !node.isObject()) {
      return first;
    }
    int end = first;
    while (end + 1 < parts.size() && !parts.get(end + 1).exact()) {
      end++;
    }
    for (int last = end; last > first; last--) {
      if (node.has(joined(parts, first, last))) {
        return last;
      }
    }
    return first;
  }

  private static String joined(List<Part> parts, int first, int last) {
    StringBuilder name = new StringBuilder(parts.get(first).text());
    for (int i = first + 1; i <= last; i++) {
      name.append('.').append(parts.get(i).text());
    }
    return name.toString();
  }

  /**
   * Returns the array index a part names, or -1 when it names none. A part names an index either as
   * a number or as {@code [name]}, the element whose name member has that value, which is how
   * swagger-parser names parameters.
   */
  private static int arrayIndex(JsonNode array, String part) {
    if (!part.isEmpty() && part.length() < 10 && part.chars().allMatch(Character::isDigit)) {
      int index = Integer.parseInt(part);
      return index < array.size() ? index : -1;
    }
    if (part.length() > 2 && part.startsWith("[") && part.endsWith("]")) {
      String name = part.substring(1, part.length() - 1);
      for (int i = 0; i < array.size(); i++) {
        if (name.equals(array.get(i).path("name").asText(null))) {
          return i;
        }
      }
    }
    return -1;
  }
}
