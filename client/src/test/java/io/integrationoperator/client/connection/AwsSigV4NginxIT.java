package io.integrationoperator.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.NginxServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Sends AWS Signature Version 4 signed requests through {@link IntegrationClient#send} to a real
 * nginx on 127.0.0.1, which returns the request line and headers it received as the response body.
 * The test then signs what nginx received with the AWS SDK signer, at the time of the received
 * X-Amz-Date, and checks that this gives the Authorization header nginx received.
 */
@Tag("real-server")
class AwsSigV4NginxIT {

  private static final String REGION = "us-west-2";
  private static final String SERVICE = "execute-api";
  private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/token+value==";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  /** Returns, for every path under /api/v3/aws/, the request nginx received as a JSON body. */
  private static final String ECHO_LOCATION =
      "    location ^~ /api/v3/aws/ {\n"
          + "      default_type application/json;\n"
          + "      return 200 '{\"method\":\"$request_method\",\"uri\":\"$request_uri\","
          + "\"host\":\"$http_host\",\"authorization\":\"$http_authorization\","
          + "\"amzDate\":\"$http_x_amz_date\",\"securityToken\":\"$http_x_amz_security_token\","
          + "\"contentSha256\":\"$http_x_amz_content_sha256\",\"contentType\":\"$content_type\","
          + "\"requestId\":\"$http_x_request_id\"}';\n"
          + "    }\n";

  private static NginxServer nginx;

  private HttpClientFactory clients;

  @BeforeAll
  static void startServer() {
    nginx = NginxServer.builder().extraServerConfig(ECHO_LOCATION).start();
  }

  @AfterAll
  static void stopServer() {
    if (nginx != null) {
      nginx.close();
    }
  }

  @BeforeEach
  void createClients() {
    clients = new HttpClientFactory();
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }

  private CallResult send(String sessionToken, Request request) {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(nginx.apiUrl())
            .awsSigV4(REGION, SERVICE, ACCESS_KEY_ID, SECRET_ACCESS_KEY, sessionToken);
    return new IntegrationClient(settings.build(), clients).send(request);
  }

  @Test
  void getWithSessionTokenVerifies() throws Exception {
    HttpUrl url =
        HttpUrl.get(nginx.apiUrl())
            .newBuilder()
            .addPathSegments("aws/my dog/ሴ")
            .addQueryParameter("flag", null)
            .addQueryParameter("name", "b")
            .addQueryParameter("name", "a b")
            .build();

    CallResult result = send(SESSION_TOKEN, new Request.Builder().url(url).build());

    JsonNode received = result.envelope().orElseThrow().getBody();
    assertThat(result.succeeded()).isTrue();
    assertThat(received.get("uri").asText())
        .isEqualTo("/api/v3/aws/my%20dog/%E1%88%B4?flag&name=b&name=a%20b");
    assertThat(received.get("securityToken").asText()).isEqualTo(SESSION_TOKEN);
    assertThat(received.get("contentSha256").asText()).isEqualTo(sha256Hex(new byte[0]));
    assertThat(received.get("authorization").asText())
        .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,")
        .isEqualTo(resign(received, new byte[0], SESSION_TOKEN));
  }

  @Test
  void postWithBodyVerifies() throws Exception {
    byte[] body = "{\"name\":\"Rex\",\"tag\":\"ü\"}".getBytes(StandardCharsets.UTF_8);
    Request request =
        new Request.Builder()
            .url(nginx.apiUrl() + "/aws/pets")
            .header("X-Request-Id", "req-42")
            .post(RequestBody.create(body, MediaType.get("application/json; charset=utf-8")))
            .build();

    CallResult result = send(null, request);

    JsonNode received = result.envelope().orElseThrow().getBody();
    assertThat(result.succeeded()).isTrue();
    assertThat(received.get("method").asText()).isEqualTo("POST");
    assertThat(received.get("securityToken").asText()).isEmpty();
    assertThat(received.get("contentSha256").asText()).isEqualTo(sha256Hex(body));
    assertThat(received.get("authorization").asText())
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                + received.get("amzDate").asText().substring(0, 8)
                + "/us-west-2/execute-api/aws4_request, SignedHeaders=content-type;host;"
                + "x-amz-content-sha256;x-amz-date;x-request-id, Signature=")
        .isEqualTo(resign(received, body, null));
  }

  @Test
  void bodyAboveLimitIsNotSent() {
    int logged = nginx.settledAccessLogSize();
    byte[] body = new byte[10 * 1024 * 1024 + 1];
    Request request =
        new Request.Builder()
            .url(nginx.apiUrl() + "/aws/upload")
            .put(RequestBody.create(body, MediaType.get("application/octet-stream")))
            .build();

    CallResult result = send(null, request);

    assertThat(result.failure()).contains(CallFailure.InvalidRequest);
    assertThat(result.error().orElseThrow())
        .startsWith("the request body has 10485761 bytes, more than the 10485760 bytes");
    assertThat(nginx.accessLog()).hasSize(logged);
  }

  /**
   * Signs the request nginx received with the AWS SDK signer: its method, raw path and query, the
   * headers the received Authorization lists, the body, and the received X-Amz-Date as the time.
   */
  private static String resign(JsonNode received, byte[] body, String sessionToken) {
    String uri = received.get("uri").asText();
    HttpUrl url = HttpUrl.get("http://" + received.get("host").asText() + uri);
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(received.get("method").asText()))
            .protocol("http")
            .host(url.host())
            .port(url.port())
            .encodedPath(uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri);

    for (int i = 0; i < url.querySize(); i++) {
      request.appendRawQueryParameter(url.queryParameterName(i), url.queryParameterValue(i));
    }
    request.putHeader("Host", received.get("host").asText());
    List<String> signedHeaders = signedHeaders(received.get("authorization").asText());
    if (signedHeaders.contains("content-type")) {
      request.putHeader("Content-Type", received.get("contentType").asText());
    }
    if (signedHeaders.contains("x-request-id")) {
      request.putHeader("X-Request-Id", received.get("requestId").asText());
    }

    AwsCredentialsIdentity identity =
        sessionToken == null
            ? AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
            : AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, sessionToken);
    LocalDateTime signedAt = LocalDateTime.parse(received.get("amzDate").asText(), AMZ_DATE);
    Clock clock = Clock.fixed(signedAt.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return AwsV4HttpSigner.create()
        .sign(
            sign ->
                sign.identity(identity)
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock))
        .request()
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }

  private static List<String> signedHeaders(String authorization) {
    int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
    return List.of(authorization.substring(start, authorization.indexOf(',', start)).split(";"));
  }

  private static String sha256Hex(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
