package io.integrationoperator.client.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.client.catalog.Task;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Serialises parameter {@code color} with every OpenAPI 3 style and explode value, for the string
 * "blue", the array [blue, black, brown] and the object {R: 100, G: 200, B: 150}, and compares the
 * result with the style examples table of OpenAPI 3.0.4. Swagger 2.0 collectionFormat values are
 * checked the same way.
 */
class StyleSerializationTest {
  private static final String BASE = "http://127.0.0.1:8080/api";
  private static final String STRING = "\"blue\"";
  private static final String ARRAY = "[\"blue\", \"black\", \"brown\"]";
  private static final String OBJECT = "{\"R\": 100, \"G\": 200, \"B\": 150}";
  private static final String EMPTY_ARRAY = "[]";

  static List<Arguments> openApi3Styles() {
    return List.of(
        row("path", "simple", false, STRING, "/api/items/blue"),
        row("path", "simple", false, ARRAY, "/api/items/blue,black,brown"),
        row("path", "simple", false, OBJECT, "/api/items/R,100,G,200,B,150"),
        row("path", "simple", true, STRING, "/api/items/blue"),
        row("path", "simple", true, ARRAY, "/api/items/blue,black,brown"),
        row("path", "simple", true, OBJECT, "/api/items/R=100,G=200,B=150"),
        row("path", "label", false, STRING, "/api/items/.blue"),
        row("path", "label", false, ARRAY, "/api/items/.blue,black,brown"),
        row("path", "label", false, OBJECT, "/api/items/.R,100,G,200,B,150"),
        row("path", "label", true, STRING, "/api/items/.blue"),
        row("path", "label", true, ARRAY, "/api/items/.blue.black.brown"),
        row("path", "label", true, OBJECT, "/api/items/.R=100.G=200.B=150"),
        row("path", "matrix", false, STRING, "/api/items/;color=blue"),
        row("path", "matrix", false, ARRAY, "/api/items/;color=blue,black,brown"),
        row("path", "matrix", false, OBJECT, "/api/items/;color=R,100,G,200,B,150"),
        row("path", "matrix", false, EMPTY_ARRAY, "/api/items/;color"),
        row("path", "matrix", true, STRING, "/api/items/;color=blue"),
        row("path", "matrix", true, ARRAY, "/api/items/;color=blue;color=black;color=brown"),
        row("path", "matrix", true, OBJECT, "/api/items/;R=100;G=200;B=150"),
        row("path", "matrix", true, EMPTY_ARRAY, "/api/items/;color"),
        row("query", "form", false, STRING, "/api/items?color=blue"),
        row("query", "form", false, ARRAY, "/api/items?color=blue,black,brown"),
        row("query", "form", false, OBJECT, "/api/items?color=R,100,G,200,B,150"),
        row("query", "form", false, EMPTY_ARRAY, "/api/items?color="),
        row("query", "form", false, "\"\"", "/api/items?color="),
        row("query", "form", true, STRING, "/api/items?color=blue"),
        row("query", "form", true, ARRAY, "/api/items?color=blue&color=black&color=brown"),
        row("query", "form", true, OBJECT, "/api/items?R=100&G=200&B=150"),
        row("query", "spaceDelimited", false, ARRAY, "/api/items?color=blue%20black%20brown"),
        row(
            "query",
            "spaceDelimited",
            false,
            OBJECT,
            "/api/items?color=R%20100%20G%20200%20B%20150"),
        row("query", "pipeDelimited", false, ARRAY, "/api/items?color=blue%7Cblack%7Cbrown"),
        row(
            "query",
            "pipeDelimited",
            false,
            OBJECT,
            "/api/items?color=R%7C100%7CG%7C200%7CB%7C150"),
        row(
            "query",
            "deepObject",
            true,
            OBJECT,
            "/api/items?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        row("header", "simple", false, STRING, "color: blue"),
        row("header", "simple", false, ARRAY, "color: blue,black,brown"),
        row("header", "simple", false, OBJECT, "color: R,100,G,200,B,150"),
        row("header", "simple", true, ARRAY, "color: blue,black,brown"),
        row("header", "simple", true, OBJECT, "color: R=100,G=200,B=150"),
        row("cookie", "form", false, STRING, "Cookie: color=blue"),
        row("cookie", "form", false, ARRAY, "Cookie: color=blue,black,brown"),
        row("cookie", "form", false, OBJECT, "Cookie: color=R,100,G,200,B,150"),
        row("cookie", "form", true, STRING, "Cookie: color=blue"),
        row("cookie", "form", true, ARRAY, "Cookie: color=blue; color=black; color=brown"),
        row("cookie", "form", true, OBJECT, "Cookie: R=100; G=200; B=150"));
  }

  @ParameterizedTest(name = "{0} {1} explode={2} value={3}")
  @MethodSource("openApi3Styles")
  void serialisesLikeSpecTable(
      String location, String style, boolean explode, String value, String expected)
      throws InvalidTaskInputException {
    Task task = openApi3Task(location, style, explode, schemaFor(value));

    Request request = TaskRequestBuilder.build(task, BASE, input(value));

    assertThat(observed(request, location)).isEqualTo(expected);
  }

  static List<Arguments> collectionFormats() {
    return List.of(
        Arguments.of("query", "csv", "/api/items?color=blue,black,brown"),
        Arguments.of("query", "ssv", "/api/items?color=blue%20black%20brown"),
        Arguments.of("query", "tsv", "/api/items?color=blue%09black%09brown"),
        Arguments.of("query", "pipes", "/api/items?color=blue%7Cblack%7Cbrown"),
        Arguments.of("query", "multi", "/api/items?color=blue&color=black&color=brown"),
        Arguments.of("path", "csv", "/api/items/blue,black,brown"),
        Arguments.of("path", "pipes", "/api/items/blue%7Cblack%7Cbrown"),
        Arguments.of("path", "ssv", "/api/items/blue%20black%20brown"),
        Arguments.of("header", "csv", "color: blue,black,brown"),
        Arguments.of("header", "ssv", "color: blue black brown"),
        Arguments.of("header", "pipes", "color: blue|black|brown"),
        Arguments.of("header", "tsv", "color: blue\tblack\tbrown"));
  }

  @ParameterizedTest(name = "{0} collectionFormat {1}")
  @MethodSource("collectionFormats")
  void serialisesSwagger20CollectionFormat(String location, String format, String expected)
      throws InvalidTaskInputException {
    Task task = swagger20Task(location, format);

    Request request = TaskRequestBuilder.build(task, BASE, input(ARRAY));

    assertThat(observed(request, location)).isEqualTo(expected);
  }

  @Test
  void swagger20ArrayWithoutFormatUsesCsv() throws InvalidTaskInputException {
    Task task = swagger20Task("query", null);

    Request request = TaskRequestBuilder.build(task, BASE, input(ARRAY));

    assertThat(observed(request, "query")).isEqualTo("/api/items?color=blue,black,brown");
  }

  @Test
  void deepObjectRejectsArray() {
    Task task = openApi3Task("query", "deepObject", true, schemaFor(ARRAY));

    assertThatThrownBy(() -> TaskRequestBuilder.build(task, BASE, input(ARRAY)))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage(
            "parameter 'color' has style deepObject, which takes only an object; send a JSON"
                + " object.")
        .extracting(e -> ((InvalidTaskInputException) e).reason())
        .isEqualTo("InvalidParameter");
  }

  @Test
  void emptySimplePathValueIsRejected() {
    Task task = openApi3Task("path", "simple", false, schemaFor(EMPTY_ARRAY));

    assertThatThrownBy(() -> TaskRequestBuilder.build(task, BASE, input(EMPTY_ARRAY)))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage(
            "parameter 'color' is empty, and an empty path value would address another"
                + " resource; give a non-empty value.");
  }

  @Test
  void labelEmptyArrayRejected() {
    // The table gives "." for label with an undefined value, but the HTTP client removes a path
    // segment "." and so would address the collection above.
    Task task = openApi3Task("path", "label", false, schemaFor(EMPTY_ARRAY));

    assertThatThrownBy(() -> TaskRequestBuilder.build(task, BASE, input(EMPTY_ARRAY)))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage(
            "path parameter 'color' forms the path segment '.', which would address another path;"
                + " give a different value.");
  }

  @Test
  void allowReservedKeepsReservedCharacters() throws InvalidTaskInputException {
    String document =
        openApi3Document("query", "form", true, "{\"type\": \"string\"}")
            .replace("\"explode\": true", "\"explode\": true, \"allowReserved\": true");
    Task task = SharedOpenApi.parse(document).tasks().get(0);

    Request request = TaskRequestBuilder.build(task, BASE, input("\"a/b:c?d#e&f=g\""));

    assertThat(observed(request, "query")).isEqualTo("/api/items?color=a/b:c?d%23e%26f%3Dg");
  }

  private static Arguments row(
      String location, String style, boolean explode, String value, String expected) {
    return Arguments.of(location, style, explode, value, expected);
  }

  private static String schemaFor(String value) {
    if (value.startsWith("[")) {
      return "{\"type\": \"array\", \"items\": {\"type\": \"string\"}}";
    }
    if (value.startsWith("{")) {
      return "{\"type\": \"object\", \"properties\": {\"R\": {\"type\": \"integer\"},"
          + " \"G\": {\"type\": \"integer\"}, \"B\": {\"type\": \"integer\"}}}";
    }
    return "{\"type\": \"string\"}";
  }

  private static TaskInput input(String value) {
    return SharedOpenApi.input("{\"parameters\": {\"color\": " + value + "}}");
  }

  private static Task openApi3Task(String location, String style, boolean explode, String schema) {
    return SharedOpenApi.parse(openApi3Document(location, style, explode, schema)).tasks().get(0);
  }

  private static String openApi3Document(
      String location, String style, boolean explode, String schema) {
    String path = location.equals("path") ? "/items/{color}" : "/items";
    return """
        {"openapi": "3.0.3", "info": {"title": "styles", "version": "1"},
         "paths": {"%s": {"get": {"operationId": "getItems",
           "parameters": [{"name": "color", "in": "%s", "required": %s,
                           "style": "%s", "explode": %s, "schema": %s}],
           "responses": {"200": {"description": "ok"}}}}}}
        """
        .formatted(path, location, location.equals("path"), style, explode, schema);
  }

  private static Task swagger20Task(String location, String format) {
    String path = location.equals("path") ? "/items/{color}" : "/items";
    String formatMember = format == null ? "" : ", \"collectionFormat\": \"" + format + "\"";
    String document =
        """
        {"swagger": "2.0", "info": {"title": "formats", "version": "1"},
         "paths": {"%s": {"get": {"operationId": "getItems",
           "parameters": [{"name": "color", "in": "%s", "required": %s, "type": "array",
                           "items": {"type": "string"}%s}],
           "responses": {"200": {"description": "ok"}}}}}}
        """
            .formatted(path, location, location.equals("path"), formatMember);
    return SharedOpenApi.parse(document).tasks().get(0);
  }

  /** Returns the target for path and query, and the header line for header and cookie. */
  private static String observed(Request request, String location) {
    return switch (location) {
      case "header" -> "color: " + request.header("color");
      case "cookie" -> "Cookie: " + request.header("Cookie");
      default -> {
        String query = request.url().encodedQuery();
        yield request.url().encodedPath() + (query == null ? "" : "?" + query);
      }
    };
  }
}
