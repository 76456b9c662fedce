package io.integrationoperator.executor.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrationoperator.client.request.TaskInput;
import io.integrationoperator.executor.server.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskInputsTest {

  @Test
  void parsesParametersBodyAndHeaders() throws ApiError {
    TaskInput input =
        TaskInputs.parse(
            bytes(
                "{\"parameters\": {\"petId\": 7, \"status\": \"sold\"},"
                    + " \"body\": {\"name\": \"rex\"}, \"headers\": {\"X-Trace\": \"abc\"}}"));

    assertThat(input.parameters())
        .isEqualTo(Map.of("petId", IntNode.valueOf(7), "status", TextNode.valueOf("sold")));
    assertThat(input.body().orElseThrow().toString()).isEqualTo("{\"name\":\"rex\"}");
    assertThat(input.headers()).isEqualTo(Map.of("X-Trace", "abc"));
  }

  @Test
  void emptyBodyMeansNoInput() throws ApiError {
    TaskInput input = TaskInputs.parse(new byte[0]);

    assertThat(input.parameters()).isEmpty();
    assertThat(input.body()).isEmpty();
    assertThat(input.headers()).isEmpty();
  }

  @Test
  void malformedJsonNamesPosition() {
    assertThatThrownBy(() -> TaskInputs.parse(bytes("{\"parameters\": {\"petId\": }")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo("InvalidJson");
              assertThat(e.error())
                  .startsWith("The request body is not valid JSON at line 1, column 26");
            });
  }

  @Test
  void repeatedKeyIsRejected() {
    assertThatThrownBy(
            () -> TaskInputs.parse(bytes("{\"parameters\": {\"limit\": 1, \"limit\": 2}}")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.reason()).isEqualTo("InvalidJson");
              assertThat(e.error()).contains("Duplicate field 'limit'");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1, 2] | The request body must be a JSON object with parameters, body and headers.",
        "{\"params\": {}} | The request body has an unknown field params; the fields are"
            + " parameters, body and headers.",
        "{\"parameters\": [1]} | The field parameters must be a JSON object of parameter names and"
            + " values.",
        "{\"headers\": {\"X-A\": {\"b\": 1}}} | The value of header X-A must be a string."
      })
  void invalidShapeIsBadRequest(String body, String error) {
    assertThatThrownBy(() -> TaskInputs.parse(bytes(body)))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo("InvalidRequestBody");
              assertThat(e.error()).isEqualTo(error);
            });
  }

  @Test
  void longNamesAreCutInErrors() {
    String longName = "x".repeat(20_000);
    assertThatThrownBy(() -> TaskInputs.parse(bytes("{\"" + longName + "\": 1}")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e ->
                assertThat(e.error())
                    .isEqualTo(
                        "The request body has an unknown field "
                            + "x".repeat(40)
                            + "...; the fields are parameters, body and headers."));
    assertThatThrownBy(() -> TaskInputs.parse(bytes("{\"headers\": {\"" + longName + "\": [1]}}")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e ->
                assertThat(e.error())
                    .isEqualTo("The value of header " + "x".repeat(40) + "... must be a string."));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
