package io.integrationoperator.client.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskParameter;
import io.swagger.v3.oas.models.Operation;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rejections of inputs that do not fit the operation, and the joining of base URL and path. */
class TaskRequestBuilderTest {
  private static final String BASE = "http://127.0.0.1:8080/api/v3";
  private static final String PETSTORE_30 = RealDocumentCases.PETSTORE_30;

  static List<Arguments> rejections() {
    return List.of(
        reject(
            "missing path parameter",
            "getPetById",
            "{}",
            "MissingParameter: missing required parameter petId (path); give a value for each in"
                + " parameters"),
        reject(
            "null path parameter",
            "getPetById",
            "{\"parameters\": {\"petId\": null}}",
            "MissingParameter: missing required parameter petId (path); give a value for each in"
                + " parameters"),
        reject(
            "misspelt parameter",
            "findPetsByStatus",
            "{\"parameters\": {\"Status\": \"sold\"}}",
            "UnknownParameter: unknown parameter 'Status'; known parameters: status"),
        reject(
            "parameter for a task without parameters",
            "getInventory",
            "{\"parameters\": {\"x\": 1, \"a\": 2}}",
            "UnknownParameter: unknown parameters 'a', 'x'; the task takes no parameters"),
        reject(
            "object for an integer",
            "getPetById",
            "{\"parameters\": {\"petId\": {\"id\": 1}}}",
            "InvalidParameter: parameter 'petId' must be an integer; the value given is an"
                + " object."),
        reject(
            "letters for an integer",
            "getPetById",
            "{\"parameters\": {\"petId\": \"seven\"}}",
            "InvalidParameter: parameter 'petId' must be an integer; the string given does not"
                + " parse as one."),
        reject(
            "fraction for an integer",
            "getPetById",
            "{\"parameters\": {\"petId\": 1.5}}",
            "InvalidParameter: parameter 'petId' must be an integer; the value given is a"
                + " number."),
        reject(
            "object for an array",
            "findPetsByTags",
            "{\"parameters\": {\"tags\": {\"a\": \"b\"}}}",
            "InvalidParameter: parameter 'tags' must be an array; the value given is an object,"
                + " so send a JSON array."),
        reject(
            "nested array item",
            "findPetsByTags",
            "{\"parameters\": {\"tags\": [\"a\", [\"b\"]]}}",
            "InvalidParameter: item 1 of parameter 'tags' must be a string; the value given is"
                + " an array."),
        reject(
            "missing required body",
            "addPet",
            "{}",
            "MissingBody: task 'addPet' requires a request body; give one in the call's body."),
        reject(
            "body for an operation without one",
            "getPetById",
            "{\"parameters\": {\"petId\": 1}, \"body\": {\"id\": 1}}",
            "InvalidBody: task 'getPetById' takes no request body; remove the body from the"
                + " call."),
        reject(
            "media type the operation does not accept",
            "addPet",
            "{\"headers\": {\"Content-Type\": \"text/csv\"}, \"body\": \"a,b\"}",
            "UnsupportedMediaType: the task does not accept Content-Type 'text/csv'; use one of:"
                + " application/json, application/xml, application/x-www-form-urlencoded."),
        reject(
            "invalid Content-Type",
            "addPet",
            "{\"headers\": {\"content-type\": \"json\"}, \"body\": {}}",
            "InvalidHeader: header 'Content-Type' is not a valid media type; write it as"
                + " type/subtype, for example application/json."),
        reject(
            "Content-Type without a body",
            "getInventory",
            "{\"headers\": {\"Content-Type\": \"application/json\"}}",
            "InvalidHeader: header 'Content-Type' describes the request body, but the call has"
                + " none; remove the header or give a body."),
        reject(
            "array as a form body",
            "addPet",
            "{\"headers\": {\"Content-Type\": \"application/x-www-form-urlencoded\"},"
                + " \"body\": [1]}",
            "InvalidBody: the request body for Content-Type application/x-www-form-urlencoded"
                + " must be a JSON object of its fields; the value given is an array."),
        reject(
            "object inside a form array",
            "addPet",
            "{\"headers\": {\"Content-Type\": \"application/x-www-form-urlencoded\"},"
                + " \"body\": {\"photoUrls\": [{\"a\": 1}]}}",
            "InvalidBody: item 0 of body property 'photoUrls' must be a string, number or"
                + " boolean; the value given is an object."),
        reject(
            "object as an XML body",
            "addPet",
            "{\"headers\": {\"Content-Type\": \"application/xml\"}, \"body\": {\"id\": 1}}",
            "InvalidBody: the request body for Content-Type application/xml must be a JSON"
                + " string holding the text; the value given is an object."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejectsInput(String description, String taskName, String input, String expected) {
    Task task = SharedOpenApi.task(PETSTORE_30, taskName);

    String outcome;
    try {
      TaskRequestBuilder.build(task, BASE, SharedOpenApi.input(input));
      outcome = "built";
    } catch (InvalidTaskInputException e) {
      outcome = e.reason() + ": " + e.getMessage();
    }

    assertThat(outcome).isEqualTo(expected);
  }

  @Test
  void singleValueForArrayIsOneItem() throws InvalidTaskInputException {
    Task task = SharedOpenApi.task(PETSTORE_30, "findPetsByTags");

    Request request =
        TaskRequestBuilder.build(
            task, BASE, SharedOpenApi.input("{\"parameters\": {\"tags\": 5}}"));

    assertThat(request.url().toString())
        .isEqualTo("http://127.0.0.1:8080/api/v3/pet/findByTags?tags=5");
  }

  @Test
  void optionalNullParameterIsLeftOut() throws InvalidTaskInputException {
    Task task = SharedOpenApi.task(PETSTORE_30, "findPetsByStatus");

    Request request =
        TaskRequestBuilder.build(
            task, BASE, SharedOpenApi.input("{\"parameters\": {\"status\": null}}"));

    assertThat(request.url().toString()).isEqualTo("http://127.0.0.1:8080/api/v3/pet/findByStatus");
  }

  @Test
  void getWithDeclaredBodyIsRejected() {
    String document =
        """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/search": {"get": {"operationId": "search",
           "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
           "responses": {"200": {"description": "ok"}}}}}}
        """;
    Task task = SharedOpenApi.parse(document).tasks().get(0);

    assertThatThrownBy(
            () -> TaskRequestBuilder.build(task, BASE, SharedOpenApi.input("{\"body\": {}}")))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage(
            "task 'search' uses GET, which cannot carry a request body here; remove the body from"
                + " the call.");
  }

  @Test
  void sameNameInTwoLocationsGetsValueTwice() throws InvalidTaskInputException {
    String document =
        """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/items": {"get": {"operationId": "list",
           "parameters": [{"name": "trace", "in": "header", "schema": {"type": "string"}},
                          {"name": "trace", "in": "query", "schema": {"type": "string"}}],
           "responses": {"200": {"description": "ok"}}}}}}
        """;
    Task task = SharedOpenApi.parse(document).tasks().get(0);

    Request request =
        TaskRequestBuilder.build(
            task, BASE, SharedOpenApi.input("{\"parameters\": {\"trace\": \"t-1\"}}"));

    assertThat(request.url().toString()).isEqualTo("http://127.0.0.1:8080/api/v3/items?trace=t-1");
    assertThat(request.header("trace")).isEqualTo("t-1");
  }

  @Test
  void handMadeTaskUsesDefaultStyles() throws InvalidTaskInputException {
    Task task =
        new Task(
            "findPets",
            "GET",
            "/pets/{kind}",
            List.of(
                new TaskParameter("kind", "path", true, "string"),
                new TaskParameter("tags", "query", false, "array")),
            new Operation());

    Request request =
        TaskRequestBuilder.build(
            task,
            BASE,
            SharedOpenApi.input("{\"parameters\": {\"kind\": \"dog\", \"tags\": [\"a\", \"b\"]}}"));

    assertThat(request.url().toString())
        .isEqualTo("http://127.0.0.1:8080/api/v3/pets/dog?tags=a&tags=b");
  }

  static List<Arguments> joins() {
    return List.of(
        Arguments.of(
            "http://127.0.0.1:8080/api/v3", "/pet/{id}", "http://127.0.0.1:8080/api/v3/pet/1"),
        Arguments.of(
            "http://127.0.0.1:8080/api/v3/", "/pet/{id}", "http://127.0.0.1:8080/api/v3/pet/1"),
        Arguments.of(
            "http://127.0.0.1:8080/api/v3//", "/pet/{id}", "http://127.0.0.1:8080/api/v3/pet/1"),
        Arguments.of("http://127.0.0.1:8080", "/pet/{id}", "http://127.0.0.1:8080/pet/1"),
        Arguments.of("http://127.0.0.1:8080/", "/pet/{id}", "http://127.0.0.1:8080/pet/1"),
        Arguments.of("http://127.0.0.1:8080/api/v3", "/", "http://127.0.0.1:8080/api/v3/"),
        Arguments.of("http://127.0.0.1:8080/api/v3/", "/", "http://127.0.0.1:8080/api/v3/"),
        Arguments.of("http://127.0.0.1:8080", "/", "http://127.0.0.1:8080/"),
        Arguments.of(
            "https://127.0.0.1:8443/api?tenant=a#top",
            "/pet/{id}",
            "https://127.0.0.1:8443/api/pet/1?tenant=a"),
        Arguments.of("http://127.0.0.1:8080/s3", "/{id}?acl", "http://127.0.0.1:8080/s3/1?acl"),
        Arguments.of(
            "http://127.0.0.1:8080/api", "/pet/{id}#unique", "http://127.0.0.1:8080/api/pet/1"),
        Arguments.of(
            "http://127.0.0.1:8080/api",
            "/a/../pet/{id}",
            "InvalidPath: the path template /a/../pet/{id} has a '.' or '..' segment, which the"
                + " HTTP client removes; correct the path in the model."));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("joins")
  void joinsBaseAndPath(String base, String template, String expected) {
    List<TaskParameter> parameters =
        template.contains("{id}")
            ? List.of(new TaskParameter("id", "path", true, "integer"))
            : List.of();
    Task task = new Task("t", "GET", template, parameters, new Operation());
    String input = template.contains("{id}") ? "{\"parameters\": {\"id\": 1}}" : "{}";

    String outcome;
    try {
      outcome = TaskRequestBuilder.build(task, base, SharedOpenApi.input(input)).url().toString();
    } catch (InvalidTaskInputException e) {
      outcome = e.reason() + ": " + e.getMessage();
    }

    assertThat(outcome).isEqualTo(expected);
  }

  @Test
  void nonHttpBaseUrlIsIllegal() {
    Task task = new Task("t", "GET", "/", List.of(), new Operation());

    assertThatThrownBy(
            () -> TaskRequestBuilder.build(task, "ftp://127.0.0.1/x", SharedOpenApi.input("{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the base URL is not a valid http or https URL");
  }

  @Test
  void toStringShowsNamesOnly() {
    TaskInput input =
        SharedOpenApi.input(
            "{\"parameters\": {\"password\": \"s3cret\"}, \"headers\": {\"X-Key\": \"k3y\"},"
                + " \"body\": {\"token\": \"t0ken\"}}");

    assertThat(input.toString())
        .isEqualTo("TaskInput[parameters=[password], body=present, headers=[X-Key]]");
  }

  private static Arguments reject(String description, String task, String input, String expected) {
    return Arguments.of(description, task, input, expected);
  }
}
