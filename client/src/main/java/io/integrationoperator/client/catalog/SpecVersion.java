package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The specification a document declares in its top-level {@code openapi} or {@code swagger} field.
 *
 * @param declared the version as written, for example 3.0.4 or 2.0
 * @param family which parser path the document takes
 */
record SpecVersion(String declared, Family family) {

  /** Specification families with different parsing paths in swagger-parser. */
  enum Family {
    SWAGGER_2,
    OPENAPI_3_0,
    OPENAPI_3_1
  }

  private static final Pattern OPENAPI_3_0 = Pattern.compile("3\\.0\\.\\d+(-[0-9A-Za-z.-]+)?");
  private static final Pattern OPENAPI_3_1 = Pattern.compile("3\\.1\\.\\d+(-[0-9A-Za-z.-]+)?");

  /**
   * Detects the version. A YAML document that writes {@code swagger: 2.0} without quotes carries
   * the number 2.0. It is accepted, and the field is rewritten to the string "2.0" that
   * swagger-parser expects.
   */
  static SpecVersion detect(JsonNode root) throws InvalidDocumentException {
    if (!root.isObject()) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document is "
              + article(root)
              + " rather than an object; provide an OpenAPI 3.x or Swagger 2.0 document, whose"
              + " top level is an object.");
    }
    if (root.has("openapi")) {
      return openapi(root.get("openapi"));
    }
    if (root.has("swagger")) {
      return swagger((ObjectNode) root, root.get("swagger"));
    }
    throw new InvalidDocumentException(
        JsonPaths.ROOT,
        "The document has neither an openapi nor a swagger field, so it is not OpenAPI or Swagger;"
            + " add openapi: 3.x.y (or swagger: \"2.0\") at the top level.");
  }

  private static SpecVersion openapi(JsonNode field) throws InvalidDocumentException {
    String path = JsonPaths.member(JsonPaths.ROOT, "openapi");
    if (!field.isTextual()) {
      throw new InvalidDocumentException(
          path,
          "The openapi field is "
              + article(field)
              + " but must be a string such as \"3.0.3\"; quote the version.");
    }
    String declared = field.textValue();
    if (OPENAPI_3_0.matcher(declared).matches()) {
      return new SpecVersion(declared, Family.OPENAPI_3_0);
    }
    if (OPENAPI_3_1.matcher(declared).matches()) {
      return new SpecVersion(declared, Family.OPENAPI_3_1);
    }
    throw new InvalidDocumentException(
        path,
        "OpenAPI version \""
            + declared
            + "\" is not supported; declare a 3.0.x or 3.1.x version, or convert the document.");
  }

  private static SpecVersion swagger(ObjectNode root, JsonNode field)
      throws InvalidDocumentException {
    if (field.isNumber() && field.decimalValue().compareTo(BigDecimal.valueOf(2)) == 0) {
      root.put("swagger", "2.0");
      return new SpecVersion("2.0", Family.SWAGGER_2);
    }
    if (field.isTextual() && field.textValue().equals("2.0")) {
      return new SpecVersion("2.0", Family.SWAGGER_2);
    }
    throw new InvalidDocumentException(
        JsonPaths.member(JsonPaths.ROOT, "swagger"),
        "Swagger version "
            + field
            + " is not supported; declare swagger: \"2.0\" or convert the document to OpenAPI 3.");
  }

  /** Names the JSON type of a node with its article, for example "an array". */
  static String article(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING, BINARY -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
    };
  }
}
