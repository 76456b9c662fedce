package io.integrationoperator.client.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.client.catalog.Task;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Builds requests for operations of the real shared documents and checks them exactly. */
class RealDocumentRequestsTest {
  private static final String HOST = "http://127.0.0.1:8080";

  static List<RealDocumentCases.Case> cases() {
    return RealDocumentCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsExactRequest(RealDocumentCases.Case example) throws InvalidTaskInputException {
    Task task = SharedOpenApi.task(example.file(), example.task());

    BuiltRequest built =
        BuiltRequest.of(
            TaskRequestBuilder.build(
                task, HOST + example.basePath(), SharedOpenApi.input(example.input())));

    assertThat(built.requestLine()).isEqualTo(example.requestLine());
    assertThat(built.headers()).containsExactlyInAnyOrderEntriesOf(example.headers());
    assertThat(built.body()).isEqualTo(example.body());
  }
}
