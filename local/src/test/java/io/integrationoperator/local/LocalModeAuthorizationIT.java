package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts local mode with caller authorization on and checks what callers receive. */
class LocalModeAuthorizationIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;

  private static LocalMode localMode;
  private static ByteArrayOutputStream output;

  @BeforeAll
  static void start() throws Exception {
    output = new ByteArrayOutputStream();
    localMode =
        LocalMode.start(
            new LocalModeOptions(
                directory.resolve("kubeconfig"), 0, 0, List.of(), false, false, true),
            new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    if (localMode != null) {
      localMode.close();
    }
  }

  @Test
  void startupSaysAuthorizationIsOn() {
    assertThat(output.toString(StandardCharsets.UTF_8))
        .containsPattern("Executor:    http://127\\.0\\.0\\.1:\\d+ \\(caller authorization on:");
  }

  @Test
  void callWithoutTokenIsUnauthorized() throws Exception {
    HttpResponse<String> answer = call(null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(answer.body()).get("reason").asText()).isEqualTo("MissingToken");
  }

  @Test
  void callWithTokenIsUnavailableWithoutTokenReview() throws Exception {
    HttpResponse<String> answer = call("Bearer some-token");

    assertThat(answer.statusCode()).isEqualTo(503);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("reason").asText()).isEqualTo("AuthorizationUnavailable");
    assertThat(error.get("error").asText()).doesNotContain("some-token");
  }

  private static HttpResponse<String> call(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + localMode.executorPort()
                        + "/v1/namespaces/default/integrations/local-api/tasks/getCodeVersion"))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
