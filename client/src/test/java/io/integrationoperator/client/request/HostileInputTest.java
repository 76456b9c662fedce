package io.integrationoperator.client.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.integrationoperator.client.catalog.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values and names that try to change the host, the path, the query, a cookie or the header block.
 * Each is either encoded (the exact URL or header is shown) or rejected (the exact reason and
 * message are shown).
 */
class HostileInputTest {
  private static final String BASE = "http://127.0.0.1:8080/api";
  static final String DOCUMENT =
      """
      {"openapi": "3.0.3", "info": {"title": "hostile", "version": "1"},
       "paths": {"/users/{id}/posts": {"get": {"operationId": "listPosts",
         "parameters": [
           {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
           {"name": "q", "in": "query", "schema": {"type": "string"}},
           {"name": "a&b=c", "in": "query", "schema": {"type": "string"}},
           {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
           {"name": "session", "in": "cookie", "schema": {"type": "string"}},
           {"name": "s;x", "in": "cookie", "schema": {"type": "string"}}],
         "responses": {"200": {"description": "ok"}}}}}}
      """;
  private static final String KNOWN = "known parameters: X-Trace, a&b=c, id, q, s;x, session";

  static List<Arguments> pathValues() {
    return List.of(
        path("../admin", dotSegment("..")),
        path("a/../../admin", dotSegment("..")),
        path("./x", dotSegment(".")),
        path("a/b", "http://127.0.0.1:8080/api/users/a%2Fb/posts"),
        path("?x=1", "http://127.0.0.1:8080/api/users/%3Fx%3D1/posts"),
        path("#frag", "http://127.0.0.1:8080/api/users/%23frag/posts"),
        path("@evil.test", "http://127.0.0.1:8080/api/users/%40evil.test/posts"),
        path(
            "http://evil.test/", "http://127.0.0.1:8080/api/users/http%3A%2F%2Fevil.test%2F/posts"),
        path("//evil.test", "http://127.0.0.1:8080/api/users/%2F%2Fevil.test/posts"),
        path("%2e%2e", "http://127.0.0.1:8080/api/users/%252e%252e/posts"),
        path("%2F", "http://127.0.0.1:8080/api/users/%252F/posts"),
        path("..\\admin", dotSegment("..")),
        path("a\\b", "http://127.0.0.1:8080/api/users/a%5Cb/posts"),
        path("..a/b..", "http://127.0.0.1:8080/api/users/..a%2Fb../posts"),
        path("...", "http://127.0.0.1:8080/api/users/.../posts"),
        path("a b;c=d,e", "http://127.0.0.1:8080/api/users/a%20b%3Bc%3Dd%2Ce/posts"),
        path("line\r\nbreak", "http://127.0.0.1:8080/api/users/line%0D%0Abreak/posts"),
        path("ünï 💡", "http://127.0.0.1:8080/api/users/%C3%BCn%C3%AF%20%F0%9F%92%A1/posts"),
        path("..", dotSegment("..")),
        path(".", dotSegment(".")),
        path(
            "",
            "InvalidParameter: parameter 'id' is empty, and an empty path value would address"
                + " another resource; give a non-empty value."));
  }

  @ParameterizedTest(name = "path value {0}")
  @MethodSource("pathValues")
  void pathValueIsEncodedOrRejected(String value, String expected) {
    String outcome = outcome(Map.of("id", value), Map.of(), request -> request.url().toString());

    assertThat(outcome).isEqualTo(expected);
  }

  static List<Arguments> otherValues() {
    return List.of(
        Arguments.of(
            "query value with & = #",
            Map.of("q", "x&admin=true#f"),
            Map.of(),
            "http://127.0.0.1:8080/api/users/7/posts?q=x%26admin%3Dtrue%23f"),
        Arguments.of(
            "query name declared with & =",
            Map.of("a&b=c", "v"),
            Map.of(),
            "http://127.0.0.1:8080/api/users/7/posts?a%26b%3Dc=v"),
        Arguments.of(
            "cookie value with ; and space",
            Map.of("session", "abc; admin=1"),
            Map.of(),
            "Cookie: session=abc%3B%20admin%3D1"),
        Arguments.of(
            "cookie name declared with ;", Map.of("s;x", "v"), Map.of(), "Cookie: s%3Bx=v"),
        Arguments.of(
            "header parameter with CR LF",
            Map.of("X-Trace", "ok\r\nX-Injected: 1"),
            Map.of(),
            "InvalidHeader: header 'X-Trace' has a line break (CR or LF) in its value; remove"
                + " line breaks from the value."),
        Arguments.of(
            "header parameter with LF only",
            Map.of("X-Trace", "ok\nX-Injected: 1"),
            Map.of(),
            "InvalidHeader: header 'X-Trace' has a line break (CR or LF) in its value; remove"
                + " line breaks from the value."),
        Arguments.of(
            "header parameter with NUL",
            Map.of("X-Trace", "a\u0000b"),
            Map.of(),
            "InvalidHeader: header 'X-Trace' has a control or non-ASCII character at index 1 of"
                + " its value; header values may contain only tab and printable ASCII."),
        Arguments.of(
            "header parameter with non-ASCII",
            Map.of("X-Trace", "grün"),
            Map.of(),
            "InvalidHeader: header 'X-Trace' has a control or non-ASCII character at index 2 of"
                + " its value; header values may contain only tab and printable ASCII."),
        Arguments.of(
            "header parameter with tab", Map.of("X-Trace", "a\tb"), Map.of(), "X-Trace: a\tb"),
        Arguments.of(
            "caller header with CR LF",
            Map.of(),
            Map.of("X-Extra", "v\r\nHost: evil.test"),
            "InvalidHeader: header 'X-Extra' has a line break (CR or LF) in its value; remove"
                + " line breaks from the value."),
        Arguments.of(
            "caller header name with CR LF",
            Map.of(),
            Map.of("X-Extra\r\nHost", "evil.test"),
            "InvalidHeader: header name 'X-Extra\\x0d\\x0aHost' is not a valid HTTP header name;"
                + " use only letters, digits and !#$%&'*+-.^_`|~."),
        Arguments.of(
            "caller header name with a space",
            Map.of(),
            Map.of("X Extra", "v"),
            "InvalidHeader: header name 'X Extra' is not a valid HTTP header name; use only"
                + " letters, digits and !#$%&'*+-.^_`|~."),
        Arguments.of(
            "caller header that repeats a header parameter",
            Map.of(),
            Map.of("x-trace", "v"),
            "InvalidHeader: header 'x-trace' is a parameter of the task; pass it in parameters"
                + " instead."),
        Arguments.of(
            "parameter name with path characters",
            Map.of("id/../x", "v"),
            Map.of(),
            "UnknownParameter: unknown parameter 'id/../x'; " + KNOWN),
        Arguments.of(
            "parameter name with query characters",
            Map.of("q&admin", "1"),
            Map.of(),
            "UnknownParameter: unknown parameter 'q&admin'; " + KNOWN),
        Arguments.of(
            "parameter name with CR LF",
            Map.of("session\r\nX-A: 1", "v"),
            Map.of(),
            "UnknownParameter: unknown parameter 'session\\x0d\\x0aX-A: 1'; " + KNOWN),
        Arguments.of(
            "parameter name in another case",
            Map.of("ID", "7"),
            Map.of(),
            "UnknownParameter: unknown parameter 'ID'; " + KNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherValues")
  void valueOrNameIsEncodedOrRejected(
      String description,
      Map<String, String> parameters,
      Map<String, String> headers,
      String expected) {
    Map<String, String> withId = new LinkedHashMap<>(parameters);
    withId.putIfAbsent("id", "7");

    String outcome = outcome(withId, headers, HostileInputTest::shownPart);

    assertThat(outcome).isEqualTo(expected);
  }

  static List<Arguments> reservedHeaders() {
    return List.of(
        reserved("Authorization", "the Integration's authentication sets it"),
        reserved("proxy-authorization", "the Integration's proxy settings set it"),
        reserved("Host", "the HTTP client sets it from the base URL"),
        reserved("Content-Length", "the HTTP client sets it from the body"),
        reserved("Transfer-Encoding", "the HTTP client sets it from the body"),
        reserved("Connection", "the HTTP client manages connections"),
        reserved("Cookie", "the task's cookie parameters set it"),
        reserved("Upgrade", "the HTTP client manages protocol upgrades"));
  }

  @ParameterizedTest(name = "caller header {0}")
  @MethodSource("reservedHeaders")
  void reservedHeaderIsRejected(String name, String expected) {
    String outcome = outcome(Map.of("id", "7"), Map.of(name, "x"), HostileInputTest::shownPart);

    assertThat(outcome).isEqualTo(expected);
  }

  private static Arguments path(String value, String expected) {
    return Arguments.of(value, expected);
  }

  private static String dotSegment(String segment) {
    return "InvalidParameter: path parameter 'id' contains the path segment '"
        + segment
        + "', which a server could resolve to another path; give a value without '.' or '..'"
        + " between slashes.";
  }

  private static Arguments reserved(String name, String reason) {
    return Arguments.of(
        name,
        "InvalidHeader: header '"
            + name
            + "' may not be set by the caller, because "
            + reason
            + "; remove it.");
  }

  /** Builds the request; returns what {@code shown} picks, or "Reason: message". */
  private static String outcome(
      Map<String, String> parameters,
      Map<String, String> headers,
      java.util.function.Function<Request, String> shown) {
    Task task = SharedOpenApi.parse(DOCUMENT).tasks().get(0);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    parameters.forEach((name, value) -> values.put(name, JsonNodeFactory.instance.textNode(value)));
    try {
      Request request =
          TaskRequestBuilder.build(task, BASE, new TaskInput(values, Optional.empty(), headers));
      assertThat(request.url().host()).isEqualTo("127.0.0.1");
      assertThat(request.url().port()).isEqualTo(8080);
      return shown.apply(request);
    } catch (InvalidTaskInputException e) {
      return e.reason() + ": " + e.getMessage();
    }
  }

  /** Returns the Cookie or X-Trace header when the request has one, otherwise the URL. */
  private static String shownPart(Request request) {
    if (request.header("Cookie") != null) {
      return "Cookie: " + request.header("Cookie");
    }
    if (request.header("X-Trace") != null) {
      return "X-Trace: " + request.header("X-Trace");
    }
    return request.url().toString();
  }
}
