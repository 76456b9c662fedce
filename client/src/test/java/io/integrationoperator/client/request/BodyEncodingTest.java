package io.integrationoperator.client.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.client.catalog.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Encodings of form, multipart, text and JSON bodies, and of parameters defined with content. */
class BodyEncodingTest {
  private static final String BASE = "http://127.0.0.1:8080/api";

  @Test
  void swagger20FormDataKeepsCollectionFormats() throws InvalidTaskInputException {
    Task task =
        task(
            """
            {"swagger": "2.0", "info": {"title": "t", "version": "1"},
             "paths": {"/f": {"post": {"operationId": "submit",
               "consumes": ["application/x-www-form-urlencoded"],
               "parameters": [
                 {"name": "piped", "in": "formData", "type": "array",
                  "items": {"type": "string"}, "collectionFormat": "pipes"},
                 {"name": "multi", "in": "formData", "type": "array",
                  "items": {"type": "string"}, "collectionFormat": "multi"},
                 {"name": "csv", "in": "formData", "type": "array", "items": {"type": "string"}}],
               "responses": {"200": {"description": "ok"}}}}}}
            """);

    BuiltRequest built =
        build(
            task,
            """
            {"body": {"piped": ["a", "b c"], "multi": ["x", "y"], "csv": ["1", "2"]}}""");

    assertThat(built.body()).isEqualTo("piped=a%7Cb%20c&multi=x&multi=y&csv=1,2");
    assertThat(built.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
  }

  @Test
  void formBodyFollowsEncodingObject() throws InvalidTaskInputException {
    Task task =
        task(
            """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/f": {"post": {"operationId": "submit",
               "requestBody": {"required": true, "content": {
                 "application/x-www-form-urlencoded": {
                   "schema": {"type": "object", "properties": {
                     "tags": {"type": "array", "items": {"type": "string"}},
                     "filter": {"type": "object"}}},
                   "encoding": {"tags": {"style": "form", "explode": false},
                                "filter": {"style": "deepObject", "explode": true}}}}},
               "responses": {"200": {"description": "ok"}}}}}}
            """);

    BuiltRequest built =
        build(task, "{\"body\": {\"tags\": [\"a\", \"b\"], \"filter\": {\"owner\": \"me\"}}}");

    assertThat(built.body()).isEqualTo("tags=a,b&filter%5Bowner%5D=me");
  }

  @Test
  void multipartSendsObjectsAsJsonParts() throws InvalidTaskInputException {
    Task task =
        task(
            """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/f": {"post": {"operationId": "upload",
               "requestBody": {"content": {"multipart/form-data": {
                 "schema": {"type": "object"},
                 "encoding": {"meta": {"contentType": "application/vnd.meta+json"}}}}},
               "responses": {"200": {"description": "ok"}}}}}}
            """);

    BuiltRequest built =
        build(task, "{\"body\": {\"name\": \"x\", \"ids\": [1, 2], \"meta\": {\"a\": 1}}}");

    String b = RealDocumentCases.BOUNDARY;
    assertThat(built.body())
        .isEqualTo(
            "--"
                + b
                + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n"
                + "--"
                + b
                + "\r\nContent-Disposition: form-data; name=\"ids\"\r\n\r\n1\r\n"
                + "--"
                + b
                + "\r\nContent-Disposition: form-data; name=\"ids\"\r\n\r\n2\r\n"
                + "--"
                + b
                + "\r\nContent-Disposition: form-data; name=\"meta\"\r\n"
                + "Content-Type: application/vnd.meta+json\r\n\r\n{\"a\":1}\r\n"
                + "--"
                + b
                + "--\r\n");
  }

  @Test
  void textBodySendsNumberAsText() throws InvalidTaskInputException {
    Task task =
        task(
            """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/f": {"put": {"operationId": "setCount",
               "requestBody": {"content": {"text/*": {"schema": {"type": "string"}}}},
               "responses": {"200": {"description": "ok"}}}}}}
            """);

    BuiltRequest built = build(task, "{\"body\": 42}");

    assertThat(built.body()).isEqualTo("42");
    assertThat(built.headers()).containsExactlyEntriesOf(Map.of("Content-Type", "text/plain"));
  }

  @Test
  void mergePatchJsonIsPreferredOverText() throws InvalidTaskInputException {
    Task task =
        task(
            """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/f": {"patch": {"operationId": "change",
               "requestBody": {"content": {"text/plain": {}, "application/merge-patch+json": {}}},
               "responses": {"200": {"description": "ok"}}}}}}
            """);

    BuiltRequest built = build(task, "{\"body\": {\"name\": null}}");

    assertThat(built.requestLine()).isEqualTo("PATCH /api/f");
    assertThat(built.body()).isEqualTo("{\"name\":null}");
    assertThat(built.headers())
        .containsExactlyEntriesOf(Map.of("Content-Type", "application/merge-patch+json"));
  }

  @Test
  void jsonContentParameterSendsEncodedJson() throws InvalidTaskInputException {
    Task task =
        task(
            """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/f": {"get": {"operationId": "find",
               "parameters": [{"name": "filter", "in": "query", "content": {
                 "application/json": {"schema": {"type": "object"}}}}],
               "responses": {"200": {"description": "ok"}}}}}}
            """);

    BuiltRequest built = build(task, "{\"parameters\": {\"filter\": {\"a\": [1, \"b\"]}}}");

    assertThat(built.requestLine())
        .isEqualTo("GET /api/f?filter=%7B%22a%22%3A%5B1%2C%22b%22%5D%7D");
  }

  private static Task task(String document) {
    return SharedOpenApi.parse(document).tasks().get(0);
  }

  private static BuiltRequest build(Task task, String input) throws InvalidTaskInputException {
    return BuiltRequest.of(TaskRequestBuilder.build(task, BASE, SharedOpenApi.input(input)));
  }
}
