package io.integrationoperator.client.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the JSON paths that errors and warnings point at, in the bracket notation of RFC 9535:
 * {@code $.paths['/pet/{petId}'].get.parameters[0]}.
 */
final class JsonPaths {
  static final String ROOT = "$";

  /** Member names that may follow a dot; every other name goes in quoted brackets. */
  private static final Pattern SHORTHAND_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonPaths() {}

  /** Appends an object member, for example {@code member("$.paths", "/pet")}. */
  static String member(String parent, String name) {
    if (SHORTHAND_NAME.matcher(name).matches()) {
      return parent + "." + name;
    }
    String escaped = name.replace("\\", "\\\\").replace("'", "\\'");
    return parent + "['" + escaped + "']";
  }

  /** Appends an array index. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Formats segments from the root: a String is a member name, an Integer an array index. */
  static String of(List<Object> segments) {
    String path = ROOT;
    for (Object segment : segments) {
      path =
          segment instanceof Integer position
              ? index(path, position)
              : member(path, (String) segment);
    }
    return path;
  }

  /** Path of one operation, for example {@code $.paths['/pet'].get}. */
  static String operation(String path, String method) {
    return member(pathItem(path), method);
  }

  /** Path of one path item, for example {@code $.paths['/pet']}. */
  static String pathItem(String path) {
    return member(member(ROOT, "paths"), path);
  }
}
