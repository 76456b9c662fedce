package io.integrationoperator.client.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.testing.NginxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends built requests to a real nginx on 127.0.0.1 that records what it received: under {@code
 * /reflect/} it proxies each request to a location on itself (so that nginx reads the body) and
 * logs the request line, selected headers, cookies and the body as JSON.
 */
@Tag("real-server")
class TaskRequestsNginxIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOG_FORMAT =
      "  log_format reflect escape=json '{\"method\":\"$request_method\",\"uri\":\"$request_uri\","
          + "\"host\":\"$http_host\",\"contentType\":\"$content_type\","
          + "\"contentLength\":\"$content_length\",\"apiKey\":\"$http_api_key\","
          + "\"xRequestId\":\"$http_x_request_id\",\"xTrace\":\"$http_x_trace\","
          + "\"cookie\":\"$http_cookie\",\"cookieSession\":\"$cookie_session\","
          + "\"cookieAdmin\":\"$cookie_admin\",\"body\":\"$request_body\"}';\n";

  /** Headers the log records, by request header name. */
  private static final Map<String, String> LOGGED_HEADERS =
      Map.of("Content-Type", "contentType", "api_key", "apiKey", "X-Request-Id", "xRequestId");

  @TempDir static Path logDirectory;

  private static Path reflectLog;
  private static NginxServer server;
  private static OkHttpClient client;

  @BeforeAll
  static void startServer() {
    reflectLog = logDirectory.resolve("reflect.log");
    // proxy_pass makes nginx read the body, which $request_body then contains. The sink
    // location returns a fixed response to the proxied request.
    String locations =
        "    location /reflect/ {\n"
            + "      client_body_buffer_size 1m;\n"
            + "      client_body_in_single_buffer on;\n"
            + "      access_log "
            + reflectLog
            + " reflect;\n"
            + "      proxy_pass http://127.0.0.1:$server_port/sink;\n"
            + "    }\n"
            + "    location = /sink { return 200 \"reflected\"; }\n";
    server = NginxServer.builder().extraHttpConfig(LOG_FORMAT).extraServerConfig(locations).start();
    client = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
  }

  @AfterAll
  static void stopServer() {
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    if (server != null) {
      server.close();
    }
  }

  static List<RealDocumentCases.Case> cases() {
    return RealDocumentCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void serverReceivesExactRequest(RealDocumentCases.Case example) throws Exception {
    Task task = SharedOpenApi.task(example.file(), example.task());
    String base = server.baseUrl() + "/reflect" + example.basePath();
    Request request = TaskRequestBuilder.build(task, base, SharedOpenApi.input(example.input()));

    JsonNode received = send(request);

    String[] line = example.requestLine().split(" ", 2);
    assertThat(received.path("method").asText()).isEqualTo(line[0]);
    assertThat(received.path("uri").asText()).isEqualTo("/reflect" + line[1]);
    String boundary = boundary(received.path("contentType").asText());
    for (Map.Entry<String, String> logged : LOGGED_HEADERS.entrySet()) {
      String expected = example.headers().getOrDefault(logged.getKey(), "");
      assertThat(received.path(logged.getValue()).asText().replace(boundary, "{boundary}"))
          .as(logged.getKey())
          .isEqualTo(expected);
    }
    String expectedBody = example.body() == null ? "" : example.body();
    assertThat(received.path("body").asText().replace(boundary, "{boundary}"))
        .isEqualTo(expectedBody);
  }

  static List<Arguments> hostilePathValues() {
    return List.of(
        Arguments.of("a/b", "/reflect/api/users/a%2Fb/posts"),
        Arguments.of("?x=1", "/reflect/api/users/%3Fx%3D1/posts"),
        Arguments.of("#frag", "/reflect/api/users/%23frag/posts"),
        Arguments.of("@evil.test", "/reflect/api/users/%40evil.test/posts"),
        Arguments.of("http://evil.test/", "/reflect/api/users/http%3A%2F%2Fevil.test%2F/posts"),
        Arguments.of("%2e%2e", "/reflect/api/users/%252e%252e/posts"),
        Arguments.of("ünï 💡", "/reflect/api/users/%C3%BCn%C3%AF%20%F0%9F%92%A1/posts"),
        Arguments.of("line\r\nbreak", "/reflect/api/users/line%0D%0Abreak/posts"));
  }

  @ParameterizedTest(name = "path value {0}")
  @MethodSource("hostilePathValues")
  void hostilePathValueReachesSameServerEncoded(String value, String expectedUri) throws Exception {
    Task task = SharedOpenApi.parse(HostileInputTest.DOCUMENT).tasks().get(0);
    Request request =
        TaskRequestBuilder.build(
            task,
            server.baseUrl() + "/reflect/api",
            TaskInput.ofParameters(Map.of("id", JSON.getNodeFactory().textNode(value))));

    JsonNode received = send(request);

    assertThat(received.path("uri").asText()).isEqualTo(expectedUri);
    assertThat(received.path("host").asText()).isEqualTo("127.0.0.1:" + server.port());
  }

  @Test
  void cookieValueCannotAddCookie() throws Exception {
    Task task = SharedOpenApi.parse(HostileInputTest.DOCUMENT).tasks().get(0);
    Request request =
        TaskRequestBuilder.build(
            task,
            server.baseUrl() + "/reflect/api",
            SharedOpenApi.input(
                "{\"parameters\": {\"id\": \"7\", \"session\": \"abc; admin=1\"}}"));

    JsonNode received = send(request);

    assertThat(received.path("cookie").asText()).isEqualTo("session=abc%3B%20admin%3D1");
    assertThat(received.path("cookieSession").asText()).isEqualTo("abc%3B%20admin%3D1");
    assertThat(received.path("cookieAdmin").asText()).isEmpty();
  }

  @Test
  void headerWithLineBreakIsNeverSent() throws IOException {
    Task task = SharedOpenApi.parse(HostileInputTest.DOCUMENT).tasks().get(0);
    int before = entries().size();

    assertThatThrownBy(
            () ->
                TaskRequestBuilder.build(
                    task,
                    server.baseUrl() + "/reflect/api",
                    SharedOpenApi.input(
                        "{\"parameters\": {\"id\": \"7\", \"X-Trace\": \"a\\r\\nX-Admin: 1\"}}")))
        .isInstanceOf(InvalidTaskInputException.class);

    assertThat(entries()).hasSize(before);
  }

  @Test
  void headerParameterArrives() throws Exception {
    Task task = SharedOpenApi.parse(HostileInputTest.DOCUMENT).tasks().get(0);
    Request request =
        TaskRequestBuilder.build(
            task,
            server.baseUrl() + "/reflect/api",
            SharedOpenApi.input("{\"parameters\": {\"id\": \"7\", \"X-Trace\": \"trace 1\"}}"));

    JsonNode received = send(request);

    assertThat(received.path("xTrace").asText()).isEqualTo("trace 1");
  }

  /** Sends the request and returns the log entry nginx wrote for it. */
  private static JsonNode send(Request request) throws IOException {
    int before = entries().size();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).as(server.errorLog()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("reflected");
    }
    return awaitEntry(before);
  }

  private static JsonNode awaitEntry(int index) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<JsonNode> entries = entries();
    while (entries.size() <= index && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the nginx log", e);
      }
      entries = entries();
    }
    assertThat(entries).as("entries of " + reflectLog).hasSizeGreaterThan(index);
    return entries.get(index);
  }

  private static List<JsonNode> entries() throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    if (!Files.exists(reflectLog)) {
      return entries;
    }
    for (String line : Files.readAllLines(reflectLog, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        entries.add(JSON.readTree(line));
      }
    }
    return entries;
  }

  /** Returns the multipart boundary of a Content-Type, or a text that never occurs. */
  private static String boundary(String contentType) {
    int start = contentType.indexOf("boundary=");
    return start < 0
        ? "\u0000no boundary\u0000"
        : contentType.substring(start + "boundary=".length());
  }
}
