package io.integrationoperator.client.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.envelope.ResponseEnvelope;
import java.io.IOException;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseEnvelopesTest {

  private static Response.Builder response(String url) {
    return new Response.Builder()
        .request(new Request.Builder().url(url).build())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK");
  }

  private static Response withBody(String contentType, String body) {
    return response("https://api.example.test/x")
        .body(ResponseBody.create(body, MediaType.get(contentType)))
        .build();
  }

  @Test
  void copiesMethodStatusAndReason() throws IOException {
    Response response =
        response("https://api.example.test/pet/7").code(404).message("Nope").build();

    ResponseEnvelope envelope = ResponseEnvelopes.fromResponse(response, Set.of());

    assertThat(envelope.getOk()).isFalse();
    assertThat(envelope.getMethod()).isEqualTo("GET");
    assertThat(envelope.getUrl()).isEqualTo("https://api.example.test/pet/7");
    assertThat(envelope.getStatus()).isEqualTo(404);
    assertThat(envelope.getStatusText()).isEqualTo("Nope");
  }

  @Test
  void http2ResponseGetsStandardReasonPhrase() throws IOException {
    Response response =
        response("https://api.example.test/")
            .protocol(Protocol.HTTP_2)
            .code(503)
            .message("")
            .build();

    ResponseEnvelope envelope = ResponseEnvelopes.fromResponse(response, Set.of());

    assertThat(envelope.getStatusText()).isEqualTo("Service Unavailable");
  }

  @Test
  void okIsTrueOnlyFor2xx() throws IOException {
    assertThat(
            ResponseEnvelopes.fromResponse(response("http://h/").code(204).build(), Set.of())
                .getOk())
        .isTrue();
    assertThat(
            ResponseEnvelopes.fromResponse(response("http://h/").code(302).build(), Set.of())
                .getOk())
        .isFalse();
  }

  @Test
  void joinsRepeatedHeadersWithLowerCaseNames() throws IOException {
    Response response =
        response("https://api.example.test/")
            .addHeader("X-Trace", "a")
            .addHeader("x-trace", "b")
            .addHeader("Set-Cookie", "s=1")
            .addHeader("Set-Cookie", "t=2")
            .build();

    ResponseEnvelope envelope = ResponseEnvelopes.fromResponse(response, Set.of());

    assertThat(envelope.getHeaders()).containsEntry("x-trace", "a, b");
    assertThat(envelope.getHeaders()).containsEntry("set-cookie", "s=1, t=2");
    assertThat(envelope.getHeaders()).doesNotContainKey("X-Trace");
  }

  @Test
  void masksCredentialQueryParameterInUrl() throws IOException {
    Response response =
        response("https://user:pw@api.example.test/pet?status=sold&api_key=k-123").build();

    ResponseEnvelope envelope = ResponseEnvelopes.fromResponse(response, Set.of("api_key"));

    assertThat(envelope.getUrl())
        .isEqualTo("https://api.example.test/pet?status=sold&api_key=****");
  }

  @ParameterizedTest(name = "{0} is parsed as JSON")
  @CsvSource({"application/json", "application/json; charset=utf-8", "application/problem+json"})
  void parsesJsonMediaTypes(String contentType) throws IOException {
    ResponseEnvelope envelope =
        ResponseEnvelopes.fromResponse(
            withBody(contentType, "{\"id\":1,\"tags\":[\"a\"]}"), Set.of());

    assertThat(envelope.getBody().isObject()).isTrue();
    assertThat(envelope.getBody().get("id").asInt()).isEqualTo(1);
    assertThat(envelope.getBody().get("tags").get(0).asText()).isEqualTo("a");
  }

  @Test
  void keepsTextBodyAsText() throws IOException {
    ResponseEnvelope envelope =
        ResponseEnvelopes.fromResponse(withBody("text/plain", "{\"id\":1}"), Set.of());

    assertThat(envelope.getBody().isTextual()).isTrue();
    assertThat(envelope.getBody().asText()).isEqualTo("{\"id\":1}");
  }

  @Test
  void keepsInvalidJsonAsText() throws IOException {
    ResponseEnvelope envelope =
        ResponseEnvelopes.fromResponse(withBody("application/json", "<html>oops</html>"), Set.of());

    assertThat(envelope.getBody().isTextual()).isTrue();
    assertThat(envelope.getBody().asText()).isEqualTo("<html>oops</html>");
  }

  @Test
  void decodesTextWithDeclaredCharset() throws IOException {
    Response response =
        response("http://h/")
            .body(
                ResponseBody.create(
                    "café".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    MediaType.get("text/plain; charset=ISO-8859-1")))
            .build();

    ResponseEnvelope envelope = ResponseEnvelopes.fromResponse(response, Set.of());

    assertThat(envelope.getBody().asText()).isEqualTo("café");
  }

  @Test
  void emptyBodyIsAbsent() throws IOException {
    ResponseEnvelope envelope =
        ResponseEnvelopes.fromResponse(response("http://h/").code(204).build(), Set.of());

    assertThat(envelope.getBody()).isNull();
  }

  @Test
  void truncatesBodyBeyondLimit() throws IOException {
    String json = "[" + "1,".repeat(100) + "1]";

    ResponseEnvelope envelope =
        ResponseEnvelopes.fromResponse(withBody("application/json", json), Set.of(), 50);

    assertThat(envelope.getBody().isTextual()).isTrue();
    assertThat(envelope.getBody().asText()).startsWith(json.substring(0, 50) + "\n");
    assertThat(envelope.getBody().asText())
        .endsWith(
            "[response body truncated: it is longer than the 50-byte limit of the response"
                + " envelope]");
  }

  @Test
  void bodyOfExactlyTheLimitIsKept() throws IOException {
    ResponseEnvelope envelope =
        ResponseEnvelopes.fromResponse(withBody("text/plain", "x".repeat(50)), Set.of(), 50);

    assertThat(envelope.getBody().asText()).isEqualTo("x".repeat(50));
  }
}
